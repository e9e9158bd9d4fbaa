package org.exchangehub.sink.warehouse;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.UnifiedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes batches into one dataset's table: creates the table from the catalogue if it is missing, adds columns the
 * catalogue gained since, then upserts each batch with one prepared statement, executed in JDBC batches. The
 * statement and the value binders are built once per table.
 */
final class TableWriter {

    private static final Logger LOG = LoggerFactory.getLogger(TableWriter.class);

    /** Binds one non-null value of a dataset field. */
    private interface Binder {
        void bind(PreparedStatement ps, int index, Object value) throws SQLException;
    }

    private final TableSpec spec;
    private final String upsert;
    private final Binder[] binders;
    private final int[] nullTypes;

    TableWriter(TableSpec spec) {
        this.spec = spec;
        this.upsert = spec.upsert();
        List<FieldSpec> fields = spec.dataset().fields();
        binders = new Binder[fields.size()];
        nullTypes = new int[fields.size()];
        for (int i = 0; i < binders.length; i++) {
            switch (fields.get(i).type()) {
                case STRING -> {
                    binders[i] = (ps, at, v) -> ps.setString(at, (String) v);
                    nullTypes[i] = Types.VARCHAR;
                }
                case DATE -> {
                    binders[i] = (ps, at, v) -> ps.setObject(at, (LocalDate) v);
                    nullTypes[i] = Types.DATE;
                }
                case DECIMAL -> {
                    binders[i] = (ps, at, v) -> ps.setBigDecimal(at, (BigDecimal) v);
                    nullTypes[i] = Types.NUMERIC;
                }
            }
        }
    }

    TableSpec spec() {
        return spec;
    }

    /** Creates the table, or adds the columns it lacks. Never drops or changes a column that holds data. */
    void ensureTable(Connection connection) throws SQLException {
        Set<String> existing = existingColumns(connection);
        try (Statement st = connection.createStatement()) {
            if (existing.isEmpty()) {
                st.execute(spec.createTable());
                LOG.info("Warehouse table {} created for dataset {}", spec.qualifiedName(), spec.dataset().name());
            } else {
                for (TableSpec.Column c : spec.columns()) {
                    if (!existing.contains(c.name().toLowerCase(Locale.ROOT))) {
                        st.execute(spec.addColumn(c));
                        LOG.info("Warehouse table {}: column {} added", spec.qualifiedName(), c.name());
                    }
                }
            }
        }
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    /** Upserts the batch's records in JDBC batches of {@code chunk}; the caller owns the transaction. */
    int write(Connection connection, Batch batch, int chunk) throws SQLException {
        List<UnifiedRecord> records = batch.unified();
        int fields = binders.length;
        OffsetDateTime extracted = batch.extractedAt().atOffset(ZoneOffset.UTC);
        LocalDateTime extractedUtc = extracted.toLocalDateTime();
        boolean localUtc = spec.dialect().bindsLocalUtc();
        try (PreparedStatement ps = connection.prepareStatement(upsert)) {
            int pending = 0;
            for (UnifiedRecord r : records) {
                Object[] values = r.values();
                if (values.length != fields) {
                    throw new IllegalArgumentException("dataset " + spec.dataset().name() + ": record has "
                            + values.length + " values, the dataset has " + fields + " fields");
                }
                for (int i = 0; i < fields; i++) {
                    Object v = values[i];
                    if (v == null) {
                        ps.setNull(i + 1, nullTypes[i]);
                    } else {
                        binders[i].bind(ps, i + 1, v);
                    }
                }
                int at = fields;
                ps.setString(++at, spec.dataset().name());
                ps.setString(++at, batch.source());
                ps.setString(++at, r.sourceKey());
                ps.setString(++at, batch.runId());
                if (localUtc) {
                    ps.setObject(++at, extractedUtc);
                } else {
                    ps.setObject(++at, extracted);
                }
                ps.setString(++at, r.recordHash());
                if (spec.joinedKey()) {
                    ps.setString(++at, r.businessKey());
                }
                ps.addBatch();
                if (++pending == chunk) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        return records.size();
    }

    private Set<String> existingColumns(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = null;
        String schema = spec.schema();
        if (spec.dialect() == Dialect.MYSQL) {
            catalog = schema != null ? schema : connection.getCatalog();
            schema = null;
        } else if (schema == null) {
            schema = connection.getSchema();
        }
        Set<String> columns = new HashSet<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, spec.table(), null)) {
            while (rs.next()) {
                // the name pattern treats '_' as a wildcard: keep only the exact table
                if (spec.table().equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }
}
