package org.exchangehub.sink.warehouse;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedProperties;

/**
 * Upserts the exchange's {@link Batch} into its dataset's table in one transaction and adds a receipt; a failure
 * rolls the transaction back and fails the exchange, so the source commits nothing and the next run re-delivers
 * the batch, which the upsert by business key absorbs.
 */
final class WarehouseProducer extends DefaultProducer {

    private final WarehouseEndpoint endpoint;
    private final Map<Dataset, TableWriter> writers = new ConcurrentHashMap<>();

    WarehouseProducer(WarehouseEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (DryRun.isDryRun(exchange)) {
            return; // a dry run delivers nothing
        }
        Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
        if (batch.unified().isEmpty()) {
            return;
        }
        Dataset dataset = batch.dataset();
        try (Connection connection = endpoint.getDataSource().getConnection()) {
            TableWriter writer = writer(connection, dataset);
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            int rows;
            try {
                rows = writer.write(connection, batch, endpoint.getBatchSize());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw failure("upsert batch " + batch.index() + " of run " + batch.runId() + " into "
                        + writer.spec().qualifiedName(), e);
            } finally {
                connection.setAutoCommit(autoCommit);
            }
            receipts(exchange).add(new WarehouseDelivery("warehouse", name(writer.spec()), rows));
        }
    }

    private TableWriter writer(Connection connection, Dataset dataset) throws SQLException {
        TableWriter writer = writers.get(dataset);
        if (writer != null) {
            return writer;
        }
        synchronized (writers) {
            writer = writers.get(dataset);
            if (writer == null) {
                Dialect dialect = endpoint.configuredDialect();
                if (dialect == null) {
                    String product = connection.getMetaData().getDatabaseProductName();
                    dialect = Dialect.of(product);
                    if (dialect == null) {
                        throw new IllegalStateException("The warehouse sink " + endpoint.getEndpointUri()
                                + " does not know how to upsert into " + product
                                + "; it supports PostgreSQL, MySQL, MariaDB and H2 (option dialect)");
                    }
                }
                writer = new TableWriter(new TableSpec(dataset, dialect, endpoint.schemaOrNull(),
                        endpoint.tableFor(dataset)));
                writer.ensureTable(connection);
                writers.put(dataset, writer);
            }
            return writer;
        }
    }

    private static String name(TableSpec spec) {
        return spec.schema() == null ? spec.table() : spec.schema() + "." + spec.table();
    }

    /**
     * A failure without the driver's message: drivers put the offending row's values into constraint messages, and
     * those are personal data that must not reach the exchange log. SQLState and vendor code say what happened.
     */
    private static WarehouseException failure(String action, Exception e) {
        if (e instanceof SQLException sql) {
            SQLException detail = sql instanceof BatchUpdateException && sql.getNextException() != null
                    ? sql.getNextException() : sql;
            return new WarehouseException("Could not " + action + ": " + detail.getClass().getSimpleName()
                    + " (SQLState " + detail.getSQLState() + ", error " + detail.getErrorCode() + ")");
        }
        return new WarehouseException("Could not " + action + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> receipts(Exchange exchange) {
        List<Object> list = exchange.getProperty(FeedProperties.RECEIPTS, List.class);
        if (list == null) {
            list = new ArrayList<>();
            exchange.setProperty(FeedProperties.RECEIPTS, list);
        }
        return list;
    }
}
