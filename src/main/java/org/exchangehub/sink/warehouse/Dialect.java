package org.exchangehub.sink.warehouse;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.exchangehub.catalogue.FieldSpec;

/**
 * What differs between the warehouses the hub writes to: identifier quoting, column types, and the batch upsert
 * statement. Identifiers are always quoted; values are always bound, never written into the SQL.
 */
enum Dialect {

    /** {@code INSERT ... ON CONFLICT DO UPDATE}, skipping rows whose record hash did not change. */
    POSTGRESQL("\"", "TEXT", "NUMERIC", "TIMESTAMP WITH TIME ZONE") {
        @Override
        String upsert(String table, List<String> columns, List<String> key) {
            String updates = nonKey(columns, key).stream()
                    .map(c -> quote(c) + " = EXCLUDED." + quote(c)).collect(Collectors.joining(", "));
            return insert(table, columns) + " ON CONFLICT (" + quoted(key) + ") DO UPDATE SET " + updates
                    + " WHERE " + table + "." + quote(TableSpec.RECORD_HASH) + " IS DISTINCT FROM EXCLUDED."
                    + quote(TableSpec.RECORD_HASH);
        }
    },
    /** MySQL and MariaDB: {@code INSERT ... ON DUPLICATE KEY UPDATE} ({@code VALUES()} works on both). */
    MYSQL("`", "TEXT", "DECIMAL", "DATETIME(6)") {
        @Override
        String upsert(String table, List<String> columns, List<String> key) {
            String updates = nonKey(columns, key).stream()
                    .map(c -> quote(c) + " = VALUES(" + quote(c) + ")").collect(Collectors.joining(", "));
            return insert(table, columns) + " ON DUPLICATE KEY UPDATE " + updates;
        }

        @Override
        boolean bindsLocalUtc() {
            return true;
        }
    },
    /** H2: {@code MERGE INTO ... KEY (...)}. */
    H2("\"", "CHARACTER VARYING", "NUMERIC", "TIMESTAMP(6) WITH TIME ZONE") {
        @Override
        String upsert(String table, List<String> columns, List<String> key) {
            return "MERGE INTO " + table + " (" + quoted(columns) + ") KEY (" + quoted(key) + ") VALUES ("
                    + placeholders(columns.size()) + ")";
        }
    };

    private final String quote;
    private final String unboundedText;
    private final String decimal;
    private final String instant;

    Dialect(String quote, String unboundedText, String decimal, String instant) {
        this.quote = quote;
        this.unboundedText = unboundedText;
        this.decimal = decimal;
        this.instant = instant;
    }

    /** The statement that inserts one row or, if its key exists, updates it; one {@code ?} per column. */
    abstract String upsert(String table, List<String> columns, List<String> key);

    /** Whether {@code _extracted_at} is bound as a UTC {@code LocalDateTime} (no zone-aware column type). */
    boolean bindsLocalUtc() {
        return false;
    }

    /** The dialect of a JDBC database product name, or the one named in configuration. */
    static Dialect of(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("postgres")) {
            return POSTGRESQL;
        }
        if (n.contains("mysql") || n.contains("mariadb")) {
            return MYSQL;
        }
        if (n.equals("h2")) {
            return H2;
        }
        return null;
    }

    String quote(String identifier) {
        return quote + identifier + quote;
    }

    /** The column type of a catalogue field. */
    String type(FieldSpec field, boolean inKey) {
        return switch (field.type()) {
            case STRING -> field.length() > 0 ? "VARCHAR(" + field.length() + ")"
                    : inKey ? "VARCHAR(" + TableSpec.UNBOUNDED_KEY_LENGTH + ")" : unboundedText;
            case DATE -> "DATE";
            case DECIMAL -> decimal + "(" + field.precision() + "," + field.scale() + ")";
        };
    }

    String instantType() {
        return instant;
    }

    String addColumn(String table, String column, String type) {
        return "ALTER TABLE " + table + " ADD COLUMN " + quote(column) + " " + type;
    }

    String insert(String table, List<String> columns) {
        return "INSERT INTO " + table + " (" + quoted(columns) + ") VALUES (" + placeholders(columns.size()) + ")";
    }

    String quoted(List<String> columns) {
        return columns.stream().map(this::quote).collect(Collectors.joining(", "));
    }

    static List<String> nonKey(List<String> columns, List<String> key) {
        return columns.stream().filter(c -> !key.contains(c)).toList();
    }

    private static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }
}
