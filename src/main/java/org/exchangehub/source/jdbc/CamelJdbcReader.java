package org.exchangehub.source.jdbc;

import java.sql.Clob;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.component.jdbc.ConnectionStrategy;
import org.apache.camel.component.jdbc.JdbcEndpoint;
import org.apache.camel.support.UnitOfWorkHelper;
import org.apache.camel.support.service.ServiceHelper;

/**
 * Runs the source's SELECTs through Camel's camel-jdbc producer, streaming ({@code outputType=StreamList}, the
 * driver's fetch size and query timeout as {@code statement.*} options, bind parameters {@code :?name} from
 * headers), on the connection of the run's read-only transaction. camel-jdbc asks its {@link ConnectionStrategy}
 * for a connection; the run lends it its own, so that the statement runs inside the transaction with autoCommit
 * off that PostgreSQL needs to stream with a cursor ({@code resetAutoCommit=false}: camel-jdbc would otherwise
 * commit and give the connection back before the rows are read).
 */
final class CamelJdbcReader {

    /** The connection of the run whose statement camel-jdbc is executing on this thread. */
    private static final ThreadLocal<Connection> LENT = new ThreadLocal<>();

    private static final ConnectionStrategy RUN_CONNECTION = new ConnectionStrategy() {
        @Override
        public Connection getConnection(DataSource dataSource) {
            Connection connection = LENT.get();
            if (connection == null) {
                throw new IllegalStateException("this camel-jdbc endpoint reads for jdbc-incremental runs only");
            }
            return connection;
        }

        @Override
        public boolean isConnectionTransactional(Connection connection, DataSource dataSource) {
            return connection == LENT.get();
        }
    };

    private final DataSource dataSource;
    private final JdbcEndpoint endpoint;
    private final Producer producer;

    /** {@code source} names the reading endpoint in messages. */
    CamelJdbcReader(CamelContext context, String source, DataSource dataSource, int fetchSize, int queryTimeout)
            throws Exception {
        this.dataSource = dataSource;
        this.endpoint = context.getEndpoint("jdbc:" + beanName(context, source, dataSource)
                + "?outputType=StreamList&useHeadersAsParameters=true&resetAutoCommit=false"
                + "&statement.fetchSize=" + fetchSize + "&statement.queryTimeout=" + queryTimeout, JdbcEndpoint.class);
        endpoint.setConnectionStrategy(RUN_CONNECTION);
        this.producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
    }

    /** camel-jdbc takes its DataSource only by bean name in the URI; the source's option gave the bean itself. */
    private static String beanName(CamelContext context, String source, DataSource dataSource) {
        return context.getRegistry().findByTypeWithName(DataSource.class).entrySet().stream()
                .filter(e -> e.getValue() == dataSource).map(Map.Entry::getKey).sorted().findFirst()
                .orElseThrow(() -> new IllegalArgumentException(source + ": option dataSource must name a"
                        + " DataSource bean in the registry (dataSource=#beanName), as camel-jdbc looks it up by name"));
    }

    void stop() {
        ServiceHelper.stopService(producer);
    }

    /** Opens a run: a connection from the department's DataSource, read-only, in a transaction with autoCommit off. */
    Run begin() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            connection.setReadOnly(true);
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            int isolation = connection.getTransactionIsolation();
            // the count and the read see one snapshot, so that rows changed meanwhile do not tell them apart
            boolean snapshot = connection.getMetaData()
                    .supportsTransactionIsolationLevel(Connection.TRANSACTION_REPEATABLE_READ);
            if (snapshot && isolation != Connection.TRANSACTION_REPEATABLE_READ
                    && isolation != Connection.TRANSACTION_SERIALIZABLE) {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            return new Run(connection, isolation, snapshot);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * One run's read-only transaction. Closing it rolls back (nothing was written), releases what camel-jdbc kept
     * open for the stream and closes the connection; when the run failed, a failing rollback is added to the
     * run's failure (try-with-resources), so that the reason the run failed is what is reported.
     */
    final class Run implements AutoCloseable {

        private final Connection connection;
        private final int isolation;
        private final boolean snapshot;
        private Exchange exchange;

        private Run(Connection connection, int isolation, boolean snapshot) {
            this.connection = connection;
            this.isolation = isolation;
            this.snapshot = snapshot;
        }

        /** Whether the run reads in one snapshot (REPEATABLE READ or stricter). */
        boolean snapshot() {
            return snapshot;
        }

        /** For the table's metadata. */
        Connection connection() {
            return connection;
        }

        /**
         * Executes {@code sql} (one per run) with the named parameters bound from headers and returns its rows,
         * fetched from the driver as they are iterated, each as the values of the {@code columns} in select order.
         */
        Iterator<Object[]> rows(String sql, Map<String, Object> parameters, int columns) throws Exception {
            exchange = endpoint.createExchange();
            exchange.getIn().setBody(sql);
            exchange.getIn().setHeaders(parameters);
            LENT.set(connection);
            try {
                producer.process(exchange);
            } finally {
                LENT.remove();
            }
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
            Iterator<?> rows = exchange.getMessage().getBody(Iterator.class);
            return new Rows(rows, columns);
        }

        @Override
        public void close() throws SQLException {
            try {
                connection.rollback();
                if (connection.getTransactionIsolation() != isolation) {
                    connection.setTransactionIsolation(isolation); // a pooled connection goes back as it came
                }
            } finally {
                if (exchange != null) {
                    // camel-jdbc keeps the stream open until its exchange is done (a route's unit of work); the source
                    // calls its producer outside a route, so it ends the exchange itself. camel-jdbc then closes the
                    // result set, the statement and, always in streaming mode, the connection: hence the rollback first
                    UnitOfWorkHelper.doneSynchronizations(exchange,
                            exchange.getExchangeExtension().handoverCompletions());
                }
                connection.close();
            }
        }
    }

    /** camel-jdbc's rows (one map per row, in select order) as value arrays, with SQL types made plain. */
    private static final class Rows implements Iterator<Object[]> {

        private final Iterator<?> rows;
        private final int columns;

        Rows(Iterator<?> rows, int columns) {
            this.rows = rows;
            this.columns = columns;
        }

        @Override
        public boolean hasNext() {
            return rows.hasNext();
        }

        @Override
        public Object[] next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map<?, ?> row;
            try {
                row = (Map<?, ?>) rows.next();
            } catch (RuntimeCamelException e) {
                // camel-jdbc wraps the driver's failure; the run reports the driver's own words
                throw e.getCause() instanceof SQLException sql ? new SourceReadException(sql) : e;
            }
            if (row.size() != columns) {
                throw new IllegalStateException("the source query returned " + row.size() + " distinct column names for "
                        + columns + " columns; two columns share a name");
            }
            Object[] values = new Object[columns];
            int i = 0;
            for (Object v : row.values()) {
                values[i++] = plain(v);
            }
            return values;
        }
    }

    private static Object plain(Object v) {
        try {
            if (v instanceof java.sql.Timestamp ts) {
                return ts.toLocalDateTime();
            } else if (v instanceof java.sql.Date d) {
                return d.toLocalDate();
            } else if (v instanceof Clob clob) {
                return clob.getSubString(1, (int) Math.min(Integer.MAX_VALUE, clob.length()));
            }
            return v;
        } catch (SQLException e) {
            throw new SourceReadException(e);
        }
    }

    /** A driver failure while the rows are iterated; {@link JdbcIncrementalConsumer} throws its cause. */
    static final class SourceReadException extends RuntimeException {

        SourceReadException(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized SQLException getCause() {
            return (SQLException) super.getCause();
        }
    }
}
