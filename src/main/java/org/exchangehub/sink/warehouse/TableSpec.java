package org.exchangehub.sink.warehouse;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.Protect;

/**
 * The warehouse table of one dataset, derived from the catalogue: the dataset's fields in schema order with their
 * types, then the lineage columns, and a primary key on the business key. When a business-key field is optional
 * (a primary key column cannot be null), or encrypted (a token differs every time it is written), the key is the
 * extra column {@code _business_key}, the key values joined with {@code |} (an encrypted one as its pseudonym).
 */
final class TableSpec {

    static final String DATASET = "_dataset";
    static final String SOURCE = "_source";
    static final String SOURCE_KEY = "_source_key";
    static final String RUN_ID = "_run_id";
    static final String EXTRACTED_AT = "_extracted_at";
    static final String RECORD_HASH = "_record_hash";
    static final String BUSINESS_KEY = "_business_key";
    /** Length of a key column the catalogue gives no length (fits MySQL's index limit in utf8mb4). */
    static final int UNBOUNDED_KEY_LENGTH = 255;
    private static final int MAX_JOINED_KEY = 768;

    static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** One column: name, SQL type, and whether it is NOT NULL. */
    record Column(String name, String type, boolean notNull) {
    }

    private final Dataset dataset;
    private final Dialect dialect;
    private final String schema;
    private final String table;
    private final List<Column> columns;
    private final List<String> key;
    private final boolean joinedKey;

    TableSpec(Dataset dataset, Dialect dialect, String schema, String table) {
        this.dataset = dataset;
        this.dialect = dialect;
        this.schema = schema;
        this.table = table;
        requireIdentifier(table, "table");
        if (schema != null) {
            requireIdentifier(schema, "schema");
        }
        joinedKey = dataset.businessKey().stream().map(dataset::field)
                .anyMatch(f -> !f.required() || f.protect() == Protect.ENCRYPT);
        List<Column> cols = new ArrayList<>();
        for (FieldSpec f : dataset.fields()) {
            requireIdentifier(f.name(), "field of dataset " + dataset.name());
            boolean inKey = !joinedKey && dataset.businessKey().contains(f.name());
            cols.add(new Column(f.name(), dialect.type(f, inKey), f.required()));
        }
        cols.add(new Column(DATASET, "VARCHAR(64)", true));
        cols.add(new Column(SOURCE, "VARCHAR(64)", true));
        cols.add(new Column(SOURCE_KEY, "VARCHAR(255)", true));
        cols.add(new Column(RUN_ID, "VARCHAR(64)", true));
        cols.add(new Column(EXTRACTED_AT, dialect.instantType(), true));
        cols.add(new Column(RECORD_HASH, "CHAR(64)", true));
        if (joinedKey) {
            cols.add(new Column(BUSINESS_KEY, "VARCHAR(" + joinedKeyLength() + ")", true));
        }
        this.columns = List.copyOf(cols);
        this.key = joinedKey ? List.of(BUSINESS_KEY) : dataset.businessKey();
    }

    Dataset dataset() {
        return dataset;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The table name as configured (unquoted), e.g. for metadata look-ups and receipts. */
    String table() {
        return table;
    }

    String schema() {
        return schema;
    }

    /** The quoted, optionally schema-qualified name for SQL. */
    String qualifiedName() {
        return schema == null ? dialect.quote(table) : dialect.quote(schema) + "." + dialect.quote(table);
    }

    List<Column> columns() {
        return columns;
    }

    List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** The primary-key columns. */
    List<String> key() {
        return key;
    }

    /** Whether the key is the joined {@code _business_key} column. */
    boolean joinedKey() {
        return joinedKey;
    }

    String createTable() {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(qualifiedName()).append(" (");
        for (Column c : columns) {
            sql.append(dialect.quote(c.name())).append(' ').append(c.type());
            if (c.notNull()) {
                sql.append(" NOT NULL");
            }
            sql.append(", ");
        }
        return sql.append("PRIMARY KEY (").append(dialect.quoted(key)).append("))").toString();
    }

    /** Adding a column to a table that holds rows: nullable, whatever the catalogue says, as old rows have none. */
    String addColumn(Column column) {
        return dialect.addColumn(qualifiedName(), column.name(), column.type());
    }

    String upsert() {
        return dialect.upsert(qualifiedName(), columnNames(), key);
    }

    private int joinedKeyLength() {
        int total = 0;
        for (String k : dataset.businessKey()) {
            int len = dataset.field(k).length();
            if (len <= 0) {
                return MAX_JOINED_KEY;
            }
            total += len + 1;
        }
        return Math.min(total, MAX_JOINED_KEY);
    }

    private static void requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("The warehouse " + what + " name '" + name
                    + "' is not a plain identifier (letters, digits and '_', at most 63, not starting with a digit)");
        }
    }
}
