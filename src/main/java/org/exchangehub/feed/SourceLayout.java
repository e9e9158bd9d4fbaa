package org.exchangehub.feed;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The column names of the records a source produces, shared by every record of a run so that a
 * mapping resolves column positions once, not per row. Lookup ignores case (databases differ).
 */
public final class SourceLayout {

    private final List<String> columns;
    private final Map<String, Integer> index = new HashMap<>();

    public SourceLayout(List<String> columns) {
        this.columns = List.copyOf(columns);
        for (int i = 0; i < this.columns.size(); i++) {
            index.putIfAbsent(this.columns.get(i).toLowerCase(Locale.ROOT), i);
        }
    }

    public List<String> columns() {
        return columns;
    }

    public int size() {
        return columns.size();
    }

    /** Position of a column, ignoring case, or -1 when the source has no such column. */
    public int indexOf(String column) {
        return index.getOrDefault(column.toLowerCase(Locale.ROOT), -1);
    }
}
