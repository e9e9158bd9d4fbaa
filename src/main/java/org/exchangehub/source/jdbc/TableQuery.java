package org.exchangehub.source.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SELECT statements of one source table, built from the database's own metadata: the configured
 * table and column names are matched case-insensitively against what the database reports and then quoted
 * by its rules, so no text from configuration or data ever reaches the SQL unquoted.
 */
final class TableQuery {

    private final List<String> columns;
    private final String selectAll;
    private final String selectSince;
    private final int keyIndex;
    private final int changeIndex;

    private TableQuery(List<String> columns, String selectAll, String selectSince, int keyIndex, int changeIndex) {
        this.columns = columns;
        this.selectAll = selectAll;
        this.selectSince = selectSince;
        this.keyIndex = keyIndex;
        this.changeIndex = changeIndex;
    }

    static TableQuery resolve(Connection connection, String table, List<String> wanted, String keyColumn,
            String changeColumn) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString();
        if (quote == null || quote.isBlank()) {
            quote = "\"";
        }
        String schemaPart = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
        String tablePart = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;

        String realSchema = null;
        String realTable = null;
        List<String> realColumns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, null, null, null)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(tablePart) || (schemaPart != null && !schemaPart.equalsIgnoreCase(schema))) {
                    continue;
                }
                if (realTable != null && (!name.equals(realTable) || !java.util.Objects.equals(schema, realSchema))) {
                    if (schemaPart == null && !isSystemSchema(schema)) {
                        throw new SQLException("Table '" + table + "' exists in more than one schema ("
                                + realSchema + ", " + schema + "); qualify it as SCHEMA." + tablePart);
                    }
                    continue;
                }
                if (isSystemSchema(schema) && schemaPart == null) {
                    continue;
                }
                realSchema = schema;
                realTable = name;
                realColumns.add(rs.getString("COLUMN_NAME"));
            }
        }
        if (realTable == null) {
            throw new SQLException("Table '" + table + "' not found in the source database (check the table option"
                    + " and that the hub's account may read it)");
        }
        List<String> selected = new ArrayList<>();
        if (wanted.isEmpty()) {
            selected.addAll(realColumns);
        } else {
            for (String w : wanted) {
                selected.add(real(realColumns, w, table, "columns"));
            }
        }
        String key = real(realColumns, keyColumn, table, "keyColumn");
        String change = changeColumn == null ? null : real(realColumns, changeColumn, table, "changeColumn");
        addIfMissing(selected, key);
        if (change != null) {
            addIfMissing(selected, change);
        }
        String q = quote;
        StringBuilder select = new StringBuilder("SELECT ");
        for (int i = 0; i < selected.size(); i++) {
            select.append(i == 0 ? "" : ", ").append(q).append(selected.get(i)).append(q);
        }
        select.append(" FROM ");
        if (realSchema != null && schemaPart != null) {
            select.append(q).append(realSchema).append(q).append('.');
        }
        select.append(q).append(realTable).append(q);
        String base = select.toString();
        String keyQ = q + key + q;
        String all;
        String since;
        if (change == null) {
            all = base + " ORDER BY " + keyQ;
            since = null;
        } else {
            String changeQ = q + change + q;
            all = base + " ORDER BY " + changeQ + ", " + keyQ;
            since = base + " WHERE " + changeQ + " >= ? ORDER BY " + changeQ + ", " + keyQ;
        }
        return new TableQuery(List.copyOf(selected), all, since, selected.indexOf(key),
                change == null ? -1 : selected.indexOf(change));
    }

    private static boolean isSystemSchema(String schema) {
        if (schema == null) {
            return false;
        }
        String s = schema.toUpperCase(Locale.ROOT);
        return s.equals("INFORMATION_SCHEMA") || s.equals("PG_CATALOG") || s.equals("SYS");
    }

    private static void addIfMissing(List<String> columns, String column) {
        if (!columns.contains(column)) {
            columns.add(column);
        }
    }

    private static String real(List<String> realColumns, String configured, String table, String option)
            throws SQLException {
        for (String c : realColumns) {
            if (c.equalsIgnoreCase(configured.trim())) {
                return c;
            }
        }
        throw new SQLException("Column '" + configured + "' (option " + option + ") not found in table '" + table
                + "'; it has " + realColumns);
    }

    List<String> columns() {
        return columns;
    }

    /** Every row, in change-time then key order (or key order for a full load). */
    String selectAll() {
        return selectAll;
    }

    /** Rows whose change time is at or after the single bind parameter. */
    String selectSince() {
        return selectSince;
    }

    int keyIndex() {
        return keyIndex;
    }

    int changeIndex() {
        return changeIndex;
    }
}
