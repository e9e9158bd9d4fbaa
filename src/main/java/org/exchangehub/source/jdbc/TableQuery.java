package org.exchangehub.source.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The SELECT statements of one source table, built from the database's own metadata: the configured
 * table and column names are matched case-insensitively against what the database reports and then quoted
 * by its rules, so no text from configuration or data ever reaches the SQL unquoted.
 */
final class TableQuery {

    /** The name of {@link #selectSinceNamed()}'s bind parameter. */
    static final String SINCE = "since";
    /** The names of {@link #selectRange()}'s bind parameters: a key range's bounds, both inclusive. */
    static final String LO = "lo";
    static final String HI = "hi";

    private final List<String> columns;
    private final String selectAll;
    private final String selectSince;
    private final String countAll;
    private final String countSince;
    private final int keyIndex;
    private final int changeIndex;
    private Split split;

    /** A split load's statements over the split column (key ranges, bound as parameters only). */
    record Split(int index, String column, String type, String bounds, String fractions, String selectRange,
            String countRange) {
    }

    private TableQuery(List<String> columns, String selectAll, String selectSince, String countAll,
            String countSince, int keyIndex, int changeIndex) {
        this.columns = columns;
        this.selectAll = selectAll;
        this.selectSince = selectSince;
        this.countAll = countAll;
        this.countSince = countSince;
        this.keyIndex = keyIndex;
        this.changeIndex = changeIndex;
    }

    // Every statement is one of these fixed texts. The only things filled in are names the database reported,
    // each quoted by its rules; every value is a bind parameter ({@code ?}, or camel-jdbc's {@code :?name}).
    private static final String SELECT_BY_KEY = "SELECT {columns} FROM {table} ORDER BY {key}";
    private static final String SELECT_BY_CHANGE = "SELECT {columns} FROM {table} ORDER BY {change}, {key}";
    private static final String SELECT_SINCE =
            "SELECT {columns} FROM {table} WHERE {change} >= ? ORDER BY {change}, {key}";
    private static final String COUNT_ALL = "SELECT COUNT(*) FROM {table}";
    private static final String COUNT_SINCE = "SELECT COUNT(*) FROM {table} WHERE {change} >= ?";
    private static final String SPLIT_BOUNDS =
            "SELECT MIN({split}), MAX({split}), COUNT(*) - COUNT({split}) FROM {table}";
    private static final String SPLIT_FRACTIONS = "SELECT COUNT(*) FROM {table} WHERE {split} <> FLOOR({split})";
    // the named parameters are LO and HI
    private static final String SELECT_RANGE =
            "SELECT {columns} FROM {table} WHERE {split} >= :?lo AND {split} <= :?hi ORDER BY {split}";
    private static final String COUNT_RANGE = "SELECT COUNT(*) FROM {table} WHERE {split} >= ? AND {split} <= ?";

    private static final java.util.regex.Pattern SLOT = java.util.regex.Pattern.compile("\\{(\\w+)}");

    /** The fixed statement text with its slots filled, in one pass (a filled-in name is never read as a slot). */
    private static String statement(String text, Map<String, String> names) {
        return SLOT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                Objects.requireNonNull(names.get(m.group(1)), m.group(1))));
    }

    /** A name the database reported, quoted by its rules (its identifier quote, an embedded quote doubled). */
    private static String identifier(String quote, String name) {
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /**
     * A table as the database describes it.
     *
     * @param configured the table option as written
     * @param schema     the table's schema, or null
     * @param name       the table's name as the database stores it
     * @param columns    its columns, name to the database's type name, in the table's order
     * @param quote      the database's identifier quote
     */
    record Shape(String configured, String schema, String name, Map<String, String> columns, String quote) {

        /** For messages: the table as the database names it. */
        String label() {
            return "table " + (schema == null ? name : schema + "." + name);
        }

        List<String> columnNames() {
            return List.copyOf(columns.keySet());
        }
    }

    static TableQuery resolve(Connection connection, String table, List<String> wanted, String keyColumn,
            String changeColumn) throws SQLException {
        return of(describe(connection, table), wanted, keyColumn, changeColumn);
    }

    /** The table's columns and their types from the database's metadata; fails when no such table is found. */
    static Shape describe(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String quote = meta.getIdentifierQuoteString();
        if (quote == null || quote.isBlank()) {
            quote = "\"";
        }
        String schemaPart = table.contains(".") ? table.substring(0, table.indexOf('.')) : null;
        String tablePart = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;

        // Ask for the name as written, upper- and lower-case first (what databases store unquoted names as);
        // only a mixed-case name needs the scan of every column in the database.
        Found found = new Found();
        Set<String> tried = new LinkedHashSet<>();
        for (String candidate : List.of(tablePart, tablePart.toUpperCase(Locale.ROOT), tablePart.toLowerCase(Locale.ROOT))) {
            if (tried.add(candidate)) {
                try (ResultSet rs = meta.getColumns(null, null, escape(candidate, meta), null)) {
                    found.collect(rs, table, schemaPart, tablePart);
                }
            }
        }
        if (found.table == null) {
            try (ResultSet rs = meta.getColumns(null, null, null, null)) {
                found.collect(rs, table, schemaPart, tablePart);
            }
        }
        if (found.table == null) {
            throw new SQLException("Table '" + table + "' not found in the source database (check the table option"
                    + " and that the hub's account may read it)");
        }
        return new Shape(table, found.schema, found.table, java.util.Collections.unmodifiableMap(found.columns), quote);
    }

    /** The statements over a described table; fails when a configured column is not one of its columns. */
    static TableQuery of(Shape shape, List<String> wanted, String keyColumn, String changeColumn) throws SQLException {
        return of(shape, wanted, keyColumn, changeColumn, null);
    }

    /**
     * As {@link #of(Shape, List, String, String)}, with the statements of a split load over {@code splitColumn}
     * (when not null), which is read with every row.
     */
    static TableQuery of(Shape shape, List<String> wanted, String keyColumn, String changeColumn, String splitColumn)
            throws SQLException {
        String quote = shape.quote();
        String table = shape.configured();
        String realSchema = shape.schema();
        String realTable = shape.name();
        List<String> realColumns = shape.columnNames();
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
        String splitBy = splitColumn == null ? null : real(realColumns, splitColumn, table, "splitColumn");
        addIfMissing(selected, key);
        if (change != null) {
            addIfMissing(selected, change);
        }
        if (splitBy != null) {
            addIfMissing(selected, splitBy);
        }
        Map<String, String> names = new java.util.HashMap<>();
        names.put("table", realSchema == null ? identifier(quote, realTable)
                : String.join(".", identifier(quote, realSchema), identifier(quote, realTable)));
        names.put("columns", String.join(", ", selected.stream().map(c -> identifier(quote, c)).toList()));
        names.put("key", identifier(quote, key));
        if (change != null) {
            names.put("change", identifier(quote, change));
        }
        TableQuery query = new TableQuery(List.copyOf(selected),
                statement(change == null ? SELECT_BY_KEY : SELECT_BY_CHANGE, names),
                change == null ? null : statement(SELECT_SINCE, names), statement(COUNT_ALL, names),
                change == null ? null : statement(COUNT_SINCE, names), selected.indexOf(key),
                change == null ? -1 : selected.indexOf(change));
        if (splitBy != null) {
            names.put("split", identifier(quote, splitBy));
            query.split = new Split(selected.indexOf(splitBy), splitBy, shape.columns().get(splitBy),
                    statement(SPLIT_BOUNDS, names), statement(SPLIT_FRACTIONS, names),
                    statement(SELECT_RANGE, names), statement(COUNT_RANGE, names));
        }
        return query;
    }

    /** The table's schema, name and columns as the database reports them, from one or more metadata result sets. */
    private static final class Found {

        private String schema;
        private String table;
        private final Map<String, String> columns = new java.util.LinkedHashMap<>();

        void collect(ResultSet rs, String configured, String schemaPart, String tablePart) throws SQLException {
            while (rs.next()) {
                String s = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(tablePart) || (schemaPart != null && !schemaPart.equalsIgnoreCase(s))
                        || (schemaPart == null && isSystemSchema(s))) {
                    continue;
                }
                if (table != null && (!name.equals(table) || !Objects.equals(s, schema))) {
                    throw new SQLException("Table '" + configured + "' matches more than one table (" + qualified(schema,
                            table) + ", " + qualified(s, name) + "); write the table option exactly as SCHEMA.TABLE");
                }
                schema = s;
                table = name;
                columns.putIfAbsent(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
            }
        }

        private static String qualified(String schema, String name) {
            return schema == null ? name : schema + "." + name;
        }
    }

    /** A metadata pattern matching {@code name} literally ({@code _} and {@code %} are wildcards there). */
    private static String escape(String name, DatabaseMetaData meta) throws SQLException {
        String esc = meta.getSearchStringEscape();
        if (esc == null || esc.isEmpty()) {
            return name;
        }
        return name.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
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

    /** Rows whose change time is at or after the single positional bind parameter. */
    String selectSince() {
        return selectSince;
    }

    /**
     * {@link #selectSince()} with its parameter named {@code :?since}, bound by camel-jdbc from a header (camel-jdbc
     * fills positional {@code ?} parameters from the message body, which is the SQL itself).
     */
    String selectSinceNamed() {
        if (selectSince == null) {
            return null;
        }
        int bind = selectSince.lastIndexOf(" >= ?");
        return selectSince.substring(0, bind) + " >= :?" + SINCE + selectSince.substring(bind + " >= ?".length());
    }

    /** How many rows the table holds (the source's own count for a full load). */
    String countAll() {
        return countAll;
    }

    /** How many rows changed at or after the single bind parameter (the source's count for a run's window). */
    String countSince() {
        return countSince;
    }

    int keyIndex() {
        return keyIndex;
    }

    /** The split load's statements, or null without a split column. */
    Split split() {
        return split;
    }

    int changeIndex() {
        return changeIndex;
    }
}
