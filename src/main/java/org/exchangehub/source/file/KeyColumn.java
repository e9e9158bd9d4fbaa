package org.exchangehub.source.file;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.exchangehub.feed.SourceLayout;

/**
 * A file record's source key: the value of the {@code sourceKey} column where the feed names one (a certificate
 * number the department knows the record by), else {@code FILE:LINE}. With a key column, {@code FILE:LINE} is kept
 * as the extra column {@value #FILE_LINE}, so that the raw form of every reject still says where the record is.
 */
final class KeyColumn {

    /** The column that carries {@code FILE:LINE} when the source key is a column's value. */
    static final String FILE_LINE = "_file_line";

    private final String column;
    private final int index;
    private final SourceLayout layout;

    private KeyColumn(String column, int index, SourceLayout layout) {
        this.column = column;
        this.index = index;
        this.layout = layout;
    }

    /** @param column the key column (present in {@code layout}, checked before delivery), or null */
    static KeyColumn of(String column, SourceLayout layout) {
        if (column == null) {
            return new KeyColumn(null, -1, layout);
        }
        List<String> columns = new ArrayList<>(layout.columns());
        columns.add(FILE_LINE);
        return new KeyColumn(column, layout.indexOf(column), new SourceLayout(columns));
    }

    /** The layout of the records: the file's columns, and {@value #FILE_LINE} with a key column. */
    SourceLayout layout() {
        return layout;
    }

    String column() {
        return column;
    }

    /** The record's values as delivered: with a key column, {@code FILE:LINE} appended. */
    Object[] values(Object[] values, String fileLine) {
        if (column == null) {
            return values;
        }
        Object[] withLine = Arrays.copyOf(values, values.length + 1);
        withLine[values.length] = fileLine;
        return withLine;
    }

    /** The source key: {@code fileLine} without a key column; null when the key column is blank in this record. */
    String key(Object[] values, String fileLine) {
        if (column == null) {
            return fileLine;
        }
        Object v = values[index];
        String key = v == null ? "" : v.toString().trim();
        return key.isEmpty() ? null : key;
    }
}
