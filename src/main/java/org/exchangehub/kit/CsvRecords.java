package org.exchangehub.kit;

import java.util.ArrayList;
import java.util.List;

import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;

/**
 * Source records from CSV text with a header line (RFC 4180 quoting; blank cells read as null): the sample files of
 * {@code dry-run --sample} and the fixtures of feed tests. A record's source key is its key column's value when one
 * is named, else {@code <name>:<line>}.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /** Parses {@code text}; {@code keyColumn} may be null. */
    public static List<SourceRecord> parse(String name, String text, String keyColumn) {
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            return List.of();
        }
        SourceLayout layout = new SourceLayout(rows.get(0).stream().map(String::trim).toList());
        int key = keyColumn == null ? -1 : layout.indexOf(keyColumn);
        if (keyColumn != null && key < 0) {
            throw new IllegalArgumentException(name + ": the header has no column " + keyColumn + "; it has "
                    + layout.columns());
        }
        List<SourceRecord> out = new ArrayList<>(rows.size() - 1);
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Object[] values = new Object[layout.columns().size()];
            for (int c = 0; c < values.length && c < row.size(); c++) {
                String v = row.get(c);
                values[c] = v == null || v.isEmpty() ? null : v;
            }
            String sourceKey = key >= 0 && values[key] != null ? values[key].toString() : name + ":" + (i + 1);
            out.add(new SourceRecord(sourceKey, layout, values));
        }
        return out;
    }

    /** Lines split into cells; quoted cells may hold commas, quotes ("") and line breaks. */
    static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !cell.isEmpty()) {
                    row.add(cell.toString());
                    rows.add(row);
                }
                row = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                if (c != '\uFEFF' || !rows.isEmpty() || any || !cell.isEmpty()) {
                    cell.append(c);
                }
                any = true;
            }
        }
        if (any || !cell.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
