package org.exchangehub.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import javax.sql.DataSource;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.state.JdbcStateStore;
import org.exchangehub.state.KeyRange;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Split loads against a real PostgreSQL ({@link SharedPostgres}): a first load cut into key ranges read in
 * parallel, one watermark at the end, a failed load resumed range by range, the increments after it, full loads
 * and the per-run row limit. The state store is H2 migrated by Flyway, as in a test hub.
 */
class JdbcSplitLoadTest {

    private static final String FEED = "test.split";
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 9, 0, 0);
    private static final int ROWS = 1000;

    private DataSource source;
    private StateStore state;
    @AutoClose
    private DefaultCamelContext camel;
    private final Recorder recorder = new Recorder();
    /** Each row's change time, by id. */
    private final LocalDateTime[] changed = new LocalDateTime[ROWS + 1];

    @BeforeEach
    void createTableAndState() throws SQLException {
        source = SharedPostgres.database();
        execute("DROP TABLE IF EXISTS t_split");
        execute("CREATE TABLE t_split (id BIGINT PRIMARY KEY, name VARCHAR(100), updated_at TIMESTAMP)");
        SplittableRandom random = new SplittableRandom(12);
        try (Connection c = source.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO t_split VALUES (?, ?, ?)")) {
            for (int id = 1; id <= ROWS; id++) {
                changed[id] = T0.plusSeconds(random.nextInt(86_400));
                ps.setLong(1, id);
                ps.setString(2, "enterprise " + id);
                ps.setObject(3, changed[id]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String url = "jdbc:h2:mem:jdbc-split-state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/state").load().migrate();
        state = new JdbcStateStore(new DriverManagerDataSource(url, "sa", ""));
    }

    @Test
    void aFirstLoadReadsEveryRowOnceInKeyRangesAndSetsOneWatermarkAtTheEnd() throws Exception {
        FeedConsumer feed = start("&splitChunks=4&splitThreads=2");

        RunRecord run = feed.runNow();

        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(ROWS);
        assertThat(recorder.keys()).containsExactlyInAnyOrderElementsOf(allKeys());
        assertThat(run.reconciliation().sourceCount()).as("the ranges' counts add up to the table").isEqualTo(ROWS);
        // every batch lies inside one range, in key order
        assertThat(recorder.batches).allMatch(b -> range(b.get(0)) == range(b.get(b.size() - 1))
                && b.equals(b.stream().sorted(java.util.Comparator.comparingLong(Long::parseLong)).toList()));
        LocalDateTime latest = LongStream.rangeClosed(1, ROWS).mapToObj(id -> changed[(int) id])
                .max(LocalDateTime::compareTo).orElseThrow();
        assertThat(state.watermark(FEED)).map(Watermark::changeTime).contains(latest);
        assertThat(state.splitRanges(FEED)).as("the load's ranges are gone once it is done").isEmpty();
    }

    @Test
    void aFailedLoadResumesAtTheCommittedKeyOfEachRangeAndRereadsNoFinishedRange() throws Exception {
        FeedConsumer feed = start("&splitChunks=4&splitThreads=1");
        recorder.failOnBatch = 7; // ranges of 250 rows in batches of 50: range 0 done, range 1 committed to 350

        RunRecord failed = feed.runNow();
        List<KeyRange> atFailure = state.splitRanges(FEED);
        Optional<Watermark> watermarkAtFailure = state.watermark(FEED);
        List<String> firstKeys = List.copyOf(recorder.keys());
        recorder.clear();
        recorder.failOnBatch = -1;
        RunRecord resumed = feed.runNow();

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(watermarkAtFailure).as("set only when every range is done").isEmpty();
        assertThat(atFailure).extracting(KeyRange::status).containsExactly(KeyRange.DONE, KeyRange.CLAIMED,
                KeyRange.OPEN, KeyRange.OPEN);
        assertThat(atFailure.get(1).progress()).isEqualTo(350L);
        assertThat(resumed.status()).as(resumed.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.rowsRead()).as("the resumed run reads only what was not committed").isEqualTo(ROWS - 350);
        assertThat(recorder.keys()).as("no key of a committed batch is read again")
                .doesNotContainAnyElementsOf(firstKeys.subList(0, 350))
                .containsExactlyInAnyOrderElementsOf(allKeys().subList(350, ROWS));
        assertThat(state.splitRanges(FEED)).isEmpty();
        assertThat(state.watermark(FEED)).isPresent();
    }

    @Test
    void afterTheSplitLoadTheFeedGoesOnIncrementallyFromTheWatermark() throws Exception {
        FeedConsumer feed = start("&splitChunks=4&splitThreads=2");
        feed.runNow();
        LocalDateTime latest = state.watermark(FEED).orElseThrow().changeTime();
        recorder.clear();
        execute("INSERT INTO t_split VALUES (5000, 'new', TIMESTAMP '" + latest.plusSeconds(1) + "')");
        execute("UPDATE t_split SET name = 'changed', updated_at = TIMESTAMP '" + latest.plusSeconds(2)
                + "' WHERE id = 7");

        RunRecord next = feed.runNow();

        assertThat(recorder.keys()).containsExactly("5000", "7");
        assertThat(next.rowsRead()).as("rows of the look-back window delivered by the load are skipped").isEqualTo(2);
        assertThat(state.watermark(FEED)).contains(new Watermark(latest.plusSeconds(2), "7"));
    }

    @Test
    void aFullLoadTableIsSplitOnEveryRun() throws Exception {
        FeedConsumer feed = start("jdbc-incremental:T_SPLIT?dataSource=#src&keyColumn=ID&batchSize=50"
                + "&splitColumn=id&splitChunks=3&initialDelay=1h");

        RunRecord first = feed.runNow();
        RunRecord second = feed.runNow();

        assertThat(first.rowsRead()).isEqualTo(ROWS);
        assertThat(second.rowsRead()).isEqualTo(ROWS);
        assertThat(recorder.keys()).hasSize(2 * ROWS).containsAll(allKeys());
        assertThat(state.watermark(FEED)).as("a full load has no watermark").isEmpty();
        assertThat(state.splitRanges(FEED)).isEmpty();
    }

    @Test
    void aRunStoppedByTheRowLimitLeavesTheRestOfTheRangesToTheNextRun() throws Exception {
        FeedConsumer feed = start("&splitChunks=4&splitThreads=1&maxRowsPerRun=300");

        RunRecord first = feed.runNow();
        RunRecord second = feed.runNow();
        Optional<Watermark> afterTwo = state.watermark(FEED);
        RunRecord third = feed.runNow();
        RunRecord fourth = feed.runNow();

        assertThat(List.of(first.rowsRead(), second.rowsRead(), third.rowsRead())).containsExactly(300L, 300L, 300L);
        assertThat(afterTwo).as("no watermark before every range is done").isEmpty();
        assertThat(fourth.rowsRead()).isEqualTo(100);
        assertThat(recorder.keys()).containsExactlyInAnyOrderElementsOf(allKeys());
        assertThat(state.watermark(FEED)).isPresent();
    }

    @Test
    void aSplitColumnWithNullsFailsTheRunNamingTheColumn() throws Exception {
        execute("ALTER TABLE t_split ADD COLUMN region BIGINT");
        execute("UPDATE t_split SET region = id WHERE id > 1");
        FeedConsumer feed = start("&splitChunks=4".replace("splitChunks", "splitColumn=region&splitChunks"));

        RunRecord run = feed.runNow();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("1 row(s) have no value in column 'region'");
        assertThat(recorder.keys()).isEmpty();
    }

    @Test
    void aSplitColumnThatIsNotAnIntegerFailsTheRun() throws Exception {
        FeedConsumer feed = start("&splitChunks=4".replace("splitChunks", "splitColumn=name&splitChunks"));

        RunRecord run = feed.runNow();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("column 'name' is of type varchar; split by an integer column");
    }

    @Test
    void theCutCoversEveryValueOnceInEqualSpans() {
        assertThat(SplitLoad.cut(1, 10, 4)).containsExactly(new long[] {1, 3}, new long[] {4, 6}, new long[] {7, 9},
                new long[] {10, 10});
        assertThat(SplitLoad.cut(5, 6, 4)).containsExactly(new long[] {5, 5}, new long[] {6, 6});
        assertThat(SplitLoad.cut(Long.MIN_VALUE, Long.MAX_VALUE, 2)).containsExactly(
                new long[] {Long.MIN_VALUE, -1}, new long[] {0, Long.MAX_VALUE});
    }

    private static int range(String key) {
        return (Integer.parseInt(key) - 1) / 250;
    }

    private static List<String> allKeys() {
        return LongStream.rangeClosed(1, ROWS).mapToObj(String::valueOf).toList();
    }

    /** Starts Camel with the source route; {@code uriOrOptions} is a whole URI or options added to the default one. */
    private FeedConsumer start(String uriOrOptions) throws Exception {
        String options = uriOrOptions.contains("splitColumn") ? uriOrOptions : "&splitColumn=ID" + uriOrOptions;
        String uri = uriOrOptions.startsWith("jdbc-incremental:") ? uriOrOptions
                : "jdbc-incremental:T_SPLIT?dataSource=#src&keyColumn=ID&changeColumn=UPDATED_AT&batchSize=50"
                        + "&lookBack=1m&initialDelay=1h" + options;
        FeedRegistry feeds = new FeedRegistry();
        feeds.suspendScheduling(true);
        camel = new DefaultCamelContext();
        Map.of("src", source, "state", state, "feeds", feeds).forEach(camel.getRegistry()::bind);
        RouteBuilder.addRoutes(camel, routes -> routes.from(uri).routeId(FEED).process(recorder));
        camel.start();
        return feeds.feed(FEED).orElseThrow();
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    /** Stands in for the mapping and the sinks: remembers each batch's keys, and fails a chosen batch. */
    private static final class Recorder implements Processor {

        final List<List<String>> batches = new CopyOnWriteArrayList<>();
        volatile int failOnBatch = -1;

        @Override
        public void process(Exchange exchange) {
            Batch batch = exchange.getIn().getBody(Batch.class);
            if (batch.index() == failOnBatch) {
                throw new IllegalStateException("the lake is full");
            }
            batches.add(batch.records().stream().map(SourceRecord::sourceKey).toList());
        }

        List<String> keys() {
            return batches.stream().flatMap(List::stream).toList();
        }

        void clear() {
            batches.clear();
        }
    }
}
