package org.exchangehub.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jdbc.DefaultJdbcPrepareStatementStrategy;
import org.apache.camel.component.jdbc.JdbcEndpoint;
import org.apache.camel.component.jdbc.JdbcOutputType;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.state.JdbcStateStore;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Incremental runs against a real PostgreSQL (embedded, {@link SharedPostgres}): order, batches, the
 * watermark with ties and the look-back window, failed batches, full loads and the per-run row limit. Runs are
 * driven with {@link FeedConsumer#runNow()}; the state store is H2 migrated by Flyway, as in a test hub.
 */
class JdbcIncrementalPostgresTest {

    private static final String FEED = "test.enterprises";
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 9, 0, 0);

    private DataSource source;
    private StateStore state;
    private DefaultCamelContext camel;
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void createTableAndState() throws SQLException {
        source = SharedPostgres.database();
        execute("DROP TABLE IF EXISTS t_enterprise");
        execute("CREATE TABLE t_enterprise (id BIGINT PRIMARY KEY, name VARCHAR(100), updated_at TIMESTAMP)");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:jdbc-source-state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/state").load().migrate();
        state = new JdbcStateStore(h2);
    }

    @AfterEach
    void stopCamel() throws IOException {
        if (camel != null) {
            camel.close();
        }
    }

    @Test
    void theFirstRunReadsEveryRowInChangeTimeThenKeyOrderInBatches() throws Exception {
        insert(1, T0.plusSeconds(30));
        insert(2, T0.plusSeconds(10));
        insert(3, T0.plusSeconds(10));
        insert(4, T0.plusSeconds(20));
        insert(5, T0.plusSeconds(40));
        FeedConsumer feed = start("");

        RunRecord run = feed.runNow();

        assertThat(recorder.batches).containsExactly(List.of("2", "3"), List.of("4", "1"), List.of("5"));
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(5);
        assertThat(state.watermark(FEED)).contains(new Watermark(T0.plusSeconds(40), "5"));
    }

    @Test
    void recordsCarryTheKeyAndTheColumnsAsTheDatabaseNamesThem() throws Exception {
        insert(7, T0);
        FeedConsumer feed = start("");

        feed.runNow();

        SourceRecord record = recorder.records.get(0);
        assertThat(record.sourceKey()).isEqualTo("7");
        assertThat(record.layout().columns()).containsExactly("id", "name", "updated_at");
        assertThat(record.get("NAME")).isEqualTo("enterprise 7");
        assertThat(record.get("updated_at")).isEqualTo(T0);
    }

    @Test
    void rowsAtTheWatermarksTimeAndLateRowsInsideTheLookBackAreDeliveredExactlyOnce() throws Exception {
        insert(1, T0);
        insert(2, T0.plusSeconds(20));
        insert(3, T0.plusSeconds(40));
        FeedConsumer feed = start("");
        feed.runNow();
        recorder.clear();
        insert(4, T0.plusSeconds(40)); // same change time as the watermark, larger key
        insert(0, T0.plusSeconds(40)); // same change time, smaller key
        insert(9, T0.plusSeconds(5)); // committed late: older than the watermark, inside the one-minute look-back

        RunRecord second = feed.runNow();
        List<List<String>> secondBatches = List.copyOf(recorder.batches);
        recorder.clear();
        RunRecord third = feed.runNow();

        assertThat(secondBatches).containsExactly(List.of("9", "0"), List.of("4"));
        assertThat(second.rowsRead()).isEqualTo(3);
        assertThat(recorder.batches).isEmpty();
        assertThat(third.rowsRead()).isZero();
        assertThat(third.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(state.watermark(FEED)).map(Watermark::changeTime).contains(T0.plusSeconds(40));
    }

    @Test
    void aRowOlderThanTheLookBackWindowIsNotDelivered() throws Exception {
        insert(1, T0);
        insert(2, T0.plusMinutes(10));
        FeedConsumer feed = start("");
        feed.runNow();
        recorder.clear();
        insert(3, T0.plusMinutes(8)); // two minutes before the watermark, look-back is one minute

        RunRecord run = feed.runNow();

        assertThat(recorder.batches).isEmpty();
        assertThat(run.rowsRead()).isZero();
    }

    @Test
    void anUpdatedRowIsDeliveredAgainWithItsNewChangeTime() throws Exception {
        insert(1, T0);
        insert(2, T0.plusSeconds(10));
        FeedConsumer feed = start("");
        feed.runNow();
        recorder.clear();
        execute("UPDATE t_enterprise SET name = 'renamed', updated_at = '" + T0.plusSeconds(50) + "' WHERE id = 1");

        feed.runNow();

        assertThat(recorder.batches).containsExactly(List.of("1"));
        assertThat(recorder.records.get(0).get("name")).isEqualTo("renamed");
    }

    @Test
    void aFailedBatchLeavesTheWatermarkAtTheEndOfTheLastDeliveredBatch() throws Exception {
        for (int id = 1; id <= 5; id++) {
            insert(id, T0.plusSeconds(id));
        }
        FeedConsumer feed = start("");
        recorder.failOnBatch = 1;

        RunRecord failed = feed.runNow();

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("batch 1").contains("the lake is full");
        assertThat(state.watermark(FEED)).contains(new Watermark(T0.plusSeconds(2), "2"));
        RunRecord logged = state.runs(FEED, 1).get(0);
        assertThat(logged.status()).isEqualTo(RunStatus.FAILED);
        assertThat(logged.error()).contains("the lake is full");
        assertThat(logged.watermarkAfter()).isEqualTo(new Watermark(T0.plusSeconds(2), "2").toString());

        recorder.failOnBatch = -1;
        recorder.clear();
        RunRecord retried = feed.runNow();

        assertThat(recorder.batches).containsExactly(List.of("3", "4"), List.of("5"));
        assertThat(retried.status()).isEqualTo(RunStatus.SUCCEEDED);
    }

    @Test
    void aFullLoadFeedReadsEveryRowOnEveryRun() throws Exception {
        insert(3, T0);
        insert(1, T0.plusSeconds(5));
        insert(2, null);
        FeedConsumer feed = start("jdbc-incremental:T_ENTERPRISE?dataSource=#src&keyColumn=ID&batchSize=2"
                + "&initialDelay=1h");

        feed.runNow();
        feed.runNow();

        assertThat(recorder.batches).containsExactly(List.of("1", "2"), List.of("3"), List.of("1", "2"), List.of("3"));
        assertThat(state.watermark(FEED)).isEmpty();
    }

    @Test
    void maxRowsPerRunCapsARunAndTheNextContinuesEvenWithinATie() throws Exception {
        insert(1, T0.plusSeconds(1));
        insert(2, T0.plusSeconds(2));
        insert(3, T0.plusSeconds(3));
        insert(4, T0.plusSeconds(3)); // shares the change time of the last row of the first run
        insert(5, T0.plusSeconds(4));
        FeedConsumer feed = start("&maxRowsPerRun=3");

        RunRecord first = feed.runNow();
        List<List<String>> firstBatches = List.copyOf(recorder.batches);
        recorder.clear();
        RunRecord second = feed.runNow();
        List<List<String>> secondBatches = List.copyOf(recorder.batches);
        recorder.clear();
        RunRecord third = feed.runNow();

        assertThat(firstBatches).containsExactly(List.of("1", "2"), List.of("3"));
        assertThat(first.rowsRead()).isEqualTo(3);
        assertThat(secondBatches).containsExactly(List.of("4", "5"));
        assertThat(second.rowsRead()).isEqualTo(2);
        assertThat(third.rowsRead()).isZero();
    }

    @Test
    void maxRowsPerSecondHoldsTheReadWithinTenPercentOfTheRateOverARunOfTwelveSeconds() throws Exception {
        execute("INSERT INTO t_enterprise SELECT g, 'enterprise ' || g, TIMESTAMP '2026-03-01 09:00:00'"
                + " + g * INTERVAL '1 second' FROM generate_series(1, 2400) g");
        FeedConsumer feed = start("jdbc-incremental:T_ENTERPRISE?dataSource=#src&keyColumn=ID&changeColumn=UPDATED_AT"
                + "&batchSize=100&initialDelay=1h&maxRowsPerSecond=200");

        RunRecord run = feed.runNow();

        assertThat(run.rowsRead()).isEqualTo(2400);
        double seconds = java.time.Duration.between(run.startedAt(), recorder.handed.get(recorder.handed.size() - 1)
                .getKey()).toMillis() / 1000.0;
        assertThat(2400 / seconds).as("rows per second over the run").isBetween(180.0, 220.0);
        for (var h : recorder.handed) { // at no point ahead of the rate by more than 10 %
            double elapsed = java.time.Duration.between(run.startedAt(), h.getKey()).toMillis() / 1000.0;
            assertThat((double) h.getValue()).as("rows handed after %.1f s", elapsed)
                    .isLessThanOrEqualTo(1.1 * 200 * elapsed + 1);
        }
    }

    @Test
    void aRowWithoutChangeTimeIsDeliveredOnceByTheFirstRun() throws Exception {
        insert(1, null);
        insert(2, T0);
        FeedConsumer feed = start("");

        feed.runNow();
        feed.runNow();

        assertThat(recorder.batches).containsExactly(List.of("2", "1"));
    }

    @Test
    void theSourceIsReadInsideOneOpenTransactionSoThatPostgresStreamsWithTheFetchSize() throws Exception {
        insert(1, T0);
        insert(2, T0.plusSeconds(1));
        insert(3, T0.plusSeconds(2));
        FeedConsumer feed = start("");
        recorder.onBatch = () -> {
            try (Connection c = source.getConnection(); Statement st = c.createStatement();
                 var rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE state = 'idle in transaction'"
                         + " AND query LIKE 'SELECT%t_enterprise%'")) {
                rs.next();
                recorder.openTransactions.add(rs.getInt(1));
            }
        };

        feed.runNow();

        // while the first batch is delivered the source is still reading (the last one may follow the read's end)
        assertThat(recorder.openTransactions).first().isEqualTo(1);
    }

    @Test
    void batchesAreDeliveredInOrderOnADeliveryThreadWhileTheSourceReadsOn() throws Exception {
        for (int id = 1; id <= 5; id++) {
            insert(id, T0.plusSeconds(id));
        }
        FeedConsumer feed = start("");
        List<String> threads = new CopyOnWriteArrayList<>();
        recorder.onBatch = () -> threads.add(Thread.currentThread().getName());

        RunRecord run = feed.runNow();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(recorder.batches).containsExactly(List.of("1", "2"), List.of("3", "4"), List.of("5"));
        assertThat(threads).hasSize(3).allMatch(t -> t.equals("feed-" + FEED + "-delivery"));
        assertThat(state.watermark(FEED)).contains(new Watermark(T0.plusSeconds(5), "5"));
    }

    @Test
    void withoutPipeliningTheReadingThreadDeliversEveryBatchItself() throws Exception {
        insert(1, T0);
        insert(2, T0.plusSeconds(1));
        insert(3, T0.plusSeconds(2));
        FeedConsumer feed = start("");
        feed.setPipelined(false);
        List<String> threads = new CopyOnWriteArrayList<>();
        recorder.onBatch = () -> threads.add(Thread.currentThread().getName());

        RunRecord run = feed.runNow();

        assertThat(run.rowsDelivered()).isZero(); // the recorder stands in for the mapping: nothing unified
        assertThat(run.rowsRead()).isEqualTo(3);
        assertThat(threads).containsExactly(Thread.currentThread().getName(), Thread.currentThread().getName());
    }

    @Test
    void aFailedBatchStopsTheRunAndNoLaterBatchIsDeliveredOrCommitted() throws Exception {
        for (int id = 1; id <= 7; id++) {
            insert(id, T0.plusSeconds(id));
        }
        FeedConsumer feed = start("");
        recorder.failOnBatch = 1;

        RunRecord run = feed.runNow();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("batch 1 of run").contains("the lake is full");
        assertThat(run.rowsRead()).isEqualTo(4); // the failed batch counts as read, nothing after it
        assertThat(recorder.batches).containsExactly(List.of("1", "2"));
        assertThat(state.watermark(FEED)).contains(new Watermark(T0.plusSeconds(2), "2"));
    }

    @Test
    void runsReadThroughARegisteredCamelJdbcEndpointThatBindsTheWatermarkAsAParameter() throws Exception {
        insert(1, T0);
        insert(2, T0.plusSeconds(10));
        FeedConsumer feed = start("");
        JdbcEndpoint jdbc = camelJdbcEndpoint();
        assertThat(jdbc.getOutputType()).isEqualTo(JdbcOutputType.StreamList);
        assertThat(jdbc.isUseHeadersAsParameters()).isTrue();
        assertThat(jdbc.isResetAutoCommit()).isFalse();
        assertThat(jdbc.getParameters()).containsEntry("fetchSize", "1000").containsEntry("queryTimeout", "300");
        RecordingStatements statements = new RecordingStatements();
        jdbc.setPrepareStatementStrategy(statements);

        feed.runNow();
        insert(3, T0.plusSeconds(20));
        feed.runNow();

        assertThat(statements.queries).hasSize(2);
        assertThat(statements.queries.get(0)).doesNotContain("WHERE");
        assertThat(statements.queries.get(1)).contains("\"updated_at\" >= :?since");
        assertThat(statements.parameters).containsExactly(List.of(T0.plusSeconds(10).minusMinutes(1))); // run 2 only
        assertThat(recorder.batches).containsExactly(List.of("1", "2"), List.of("3"));
    }

    @Test
    void aLargeTableIsStreamedBatchByBatchWithTheFetchSizeNeverHeldWhole() throws Exception {
        insert(0, T0);
        FeedConsumer feed = start("jdbc-incremental:T_ENTERPRISE?dataSource=#src&keyColumn=ID&changeColumn=UPDATED_AT"
                + "&batchSize=100&fetchSize=50&lookBack=1m&initialDelay=1h");
        feed.setPipelined(false);
        feed.runNow();
        execute("INSERT INTO t_enterprise SELECT i, 'enterprise ' || i, TIMESTAMP '2026-03-01 09:00:00'"
                + " + i * INTERVAL '1 second' FROM generate_series(1, 10000) AS i");
        RecordingStatements statements = new RecordingStatements();
        camelJdbcEndpoint().setPrepareStatementStrategy(statements);
        List<Integer> cursorRows = new CopyOnWriteArrayList<>();
        recorder.clear();
        recorder.onBatch = () -> {
            PreparedStatement ps = statements.statements.get(0);
            if (!ps.isClosed()) { // camel-jdbc closes it when the last row is read, before the last batch
                assertThat(ps.getFetchSize()).isEqualTo(50);
                assertThat(ps.getConnection().getAutoCommit()).isFalse();
                cursorRows.add(ps.getResultSet().getRow());
            }
        };

        RunRecord run = feed.runNow();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(10_000);
        assertThat(recorder.batches).hasSize(100).allMatch(batch -> batch.size() == 100);
        // when batch b is delivered the cursor stands on the row after it (row 0, in the look-back, came first):
        // the table is read as it is delivered, never ahead of it
        assertThat(cursorRows).isEqualTo(IntStream.rangeClosed(1, 99).map(b -> b * 100 + 2).boxed().toList());
        assertThat(state.watermark(FEED)).contains(new Watermark(T0.plusSeconds(10_000), "10000"));
    }

    private JdbcEndpoint camelJdbcEndpoint() {
        List<JdbcEndpoint> jdbc = camel.getEndpoints().stream().filter(JdbcEndpoint.class::isInstance)
                .map(JdbcEndpoint.class::cast).toList();
        assertThat(jdbc).as("the camel-jdbc endpoint the source reads through").hasSize(1);
        return jdbc.get(0);
    }

    /** Starts Camel with the source route; {@code uriOrOptions} is a whole URI or options added to the default one. */
    private FeedConsumer start(String uriOrOptions) throws Exception {
        String uri = uriOrOptions.startsWith("jdbc-incremental:") ? uriOrOptions
                : "jdbc-incremental:T_ENTERPRISE?dataSource=#src&keyColumn=ID&changeColumn=UPDATED_AT&batchSize=2"
                        + "&lookBack=1m&initialDelay=1h" + uriOrOptions;
        FeedRegistry feeds = new FeedRegistry();
        feeds.suspendScheduling(true);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("src", source);
        camel.getRegistry().bind("state", state);
        camel.getRegistry().bind("feeds", feeds);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(FEED).process(recorder);
            }
        });
        camel.start();
        Optional<FeedConsumer> feed = feeds.feed(FEED);
        assertThat(feed).as("the source registered its feed").isPresent();
        return feed.get();
    }

    private void insert(long id, LocalDateTime updatedAt) throws SQLException {
        try (Connection c = source.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO t_enterprise VALUES (?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, "enterprise " + id);
            ps.setObject(3, updatedAt);
            ps.executeUpdate();
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Stands in for the mapping and the sinks: remembers each batch's keys, and fails a chosen batch. */
    private static final class Recorder implements Processor {

        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        final List<SourceRecord> records = new CopyOnWriteArrayList<>();
        final List<Integer> openTransactions = new CopyOnWriteArrayList<>();
        /** When the source handed each batch, and how many records it had handed by then. */
        final List<java.util.Map.Entry<java.time.Instant, Integer>> handed = new CopyOnWriteArrayList<>();
        volatile int failOnBatch = -1;
        volatile Check onBatch;

        @Override
        public void process(Exchange exchange) throws Exception {
            Batch batch = exchange.getIn().getBody(Batch.class);
            if (batch.index() == failOnBatch) {
                throw new IllegalStateException("the lake is full");
            }
            if (onBatch != null) {
                onBatch.run();
            }
            batches.add(batch.records().stream().map(SourceRecord::sourceKey).toList());
            records.addAll(batch.records());
            handed.add(java.util.Map.entry(batch.extractedAt(), records.size()));
        }

        void clear() {
            batches.clear();
            records.clear();
        }
    }

    /** camel-jdbc's own statement preparation, remembering each query, its bound values and its statement. */
    private static final class RecordingStatements extends DefaultJdbcPrepareStatementStrategy {

        final List<String> queries = new CopyOnWriteArrayList<>();
        final List<List<Object>> parameters = new CopyOnWriteArrayList<>();
        final List<PreparedStatement> statements = new CopyOnWriteArrayList<>();

        @Override
        public String prepareQuery(String query, boolean allowNamedParameters) throws SQLException {
            queries.add(query);
            return super.prepareQuery(query, allowNamedParameters);
        }

        @Override
        public void populateStatement(PreparedStatement ps, Iterator<?> iterator, int expectedParams)
                throws SQLException {
            List<Object> values = new ArrayList<>();
            iterator.forEachRemaining(values::add);
            parameters.add(values);
            statements.add(ps);
            super.populateStatement(ps, values.iterator(), expectedParams);
        }
    }

    private interface Check {
        void run() throws Exception;
    }
}
