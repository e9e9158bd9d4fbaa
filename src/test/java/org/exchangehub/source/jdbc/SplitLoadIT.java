package org.exchangehub.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exchangehub.delivery.CrashableHub;
import org.exchangehub.demo.EnterpriseGenerator;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A split load of 2,000,000 rows ({@code -Dsplit.rows} for another size) in four key ranges, two read at a time by
 * a hub in a JVM of its own, killed ({@code destroyForcibly}, i.e. SIGKILL) once half the rows are committed and at
 * least one range is done, then started again: the restart reads exactly the rows not committed at the kill (no
 * row of a finished range, nor of a half range before its committed key, is read again), the lake holds every
 * valid key with duplicates only from the batch in flight at the kill, and the feed ends with one watermark.
 * Source and state store are one embedded PostgreSQL (two databases), as the instances of a cluster share them.
 */
class SplitLoadIT {

    private static final Logger LOG = LoggerFactory.getLogger(SplitLoadIT.class);
    private static final int ROWS = Integer.getInteger("split.rows", 2_000_000);
    private static final int BATCH = 5000;
    private static final String FEED = "market-regulation.enterprises";

    @TempDir
    static Path dir;

    private static EmbeddedPostgres postgres;
    private static MarketRegulationDatabase register;
    private static JdbcTemplate hubState;

    @BeforeAll
    static void start() throws IOException, SQLException {
        postgres = EmbeddedPostgres.start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE register");
            st.execute("CREATE DATABASE hubstate");
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(url("register") + "&reWriteBatchedInserts=true");
        register = new MarketRegulationDatabase(source, new EnterpriseGenerator(20261207));
        long seeding = System.nanoTime();
        register.seed(ROWS);
        LOG.info("seeded {} rows in {} s", ROWS, (System.nanoTime() - seeding) / 1_000_000_000);
        PGSimpleDataSource state = new PGSimpleDataSource();
        state.setURL(url("hubstate"));
        // migrated here, as the hub would, so that the test can watch the ranges from the first moment
        org.flywaydb.core.Flyway.configure().dataSource(state).locations("classpath:db/state").load().migrate();
        hubState = new JdbcTemplate(state);
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aSplitLoadKilledHalfwayFinishesWithoutReadingItsCommittedRowsAgain() throws Exception {
        Set<String> expected = register.expectedValidUsccs();

        Process first = hub("first");
        await("half the rows committed and a range done").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !first.isAlive() || committed() >= ROWS / 2 && doneRanges() >= 1);
        assertThat(first.isAlive()).as("the first hub is still running (see %s)", log("first")).isTrue();
        first.destroyForcibly().waitFor();
        List<Map<String, Object>> atKill = hubState.queryForList("SELECT range_no, status, progress_key, rows_read"
                + " FROM hub_split_range WHERE feed_id = ? ORDER BY range_no", FEED);
        long committedAtKill = committed();
        assertThat(committedAtKill).as("killed halfway").isLessThan(ROWS);
        assertThat(hubState.queryForList("SELECT change_time FROM hub_watermark WHERE feed_id = ?", FEED))
                .as("no watermark while ranges are open").isEmpty();

        long restarting = System.nanoTime();
        Process second = hub("second");
        assertThat(second.waitFor(10, TimeUnit.MINUTES)).as("restarted hub finished").isTrue();
        assertThat(second.exitValue()).as("restarted hub's exit code (see %s)", log("second")).isZero();
        double seconds = (System.nanoTime() - restarting) / 1e9;

        Map<String, Object> resumed = hubState.queryForMap("SELECT rows_read, status FROM hub_run WHERE feed_id = ?"
                + " ORDER BY started_at DESC LIMIT 1", FEED);
        long reread = (Long) resumed.get("rows_read") - (ROWS - committedAtKill);
        Lake lake = lake();
        LOG.info("split load of {} rows: ranges at the kill {}; committed at the kill {}; the restart read {} rows"
                + " ({} re-read) in {} s (with start-up); lake {} rows, {} duplicated", ROWS, atKill, committedAtKill,
                resumed.get("rows_read"), reread, String.format("%.1f", seconds), lake.rows, lake.rows - lake.keys.size());
        assertThat(atKill).extracting(r -> r.get("status")).contains("done");
        assertThat(resumed.get("status")).isEqualTo("SUCCEEDED");
        assertThat(reread).as("rows committed before the kill read again by the restart").isZero();
        assertThat(hubState.queryForObject("SELECT COUNT(*) FROM hub_split_range", Long.class)).isZero();
        assertThat(hubState.queryForObject("SELECT change_time FROM hub_watermark WHERE feed_id = ?",
                java.time.LocalDateTime.class, FEED)).as("one watermark: the latest change time of the load")
                .isEqualTo(new JdbcTemplate(register.dataSource()).queryForObject("SELECT MAX(GXSJ) FROM T_QYDJ",
                        java.time.LocalDateTime.class));
        // set differences: AssertJ's element-wise comparison of two million keys takes far too long
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(lake.keys);
        Set<String> unexpected = new HashSet<>(lake.keys);
        unexpected.removeAll(expected);
        assertThat(missing).as("valid keys missing from the lake").isEmpty();
        assertThat(unexpected).as("keys in the lake that are not valid source keys").isEmpty();
        assertThat(lake.keys).hasSameSizeAs(expected);
        assertThat(lake.rows - lake.keys.size()).as("duplicates: at most the batch in flight at the kill")
                .isLessThanOrEqualTo(BATCH);
    }

    private static long committed() {
        Long n = hubState.queryForObject("SELECT COALESCE(SUM(rows_read), 0) FROM hub_split_range WHERE feed_id = ?",
                Long.class, FEED);
        return n == null ? 0 : n;
    }

    private static long doneRanges() {
        Long n = hubState.queryForObject("SELECT COUNT(*) FROM hub_split_range WHERE feed_id = ? AND status = 'done'",
                Long.class, FEED);
        return n == null ? 0 : n;
    }

    /** The lake's rows of legal_entity and their distinct keys. */
    private record Lake(long rows, Set<String> keys) {
    }

    private static Lake lake() throws SQLException {
        long rows = 0;
        Set<String> keys = new HashSet<>();
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = duck.createStatement();
             ResultSet rs = st.executeQuery("SELECT uscc FROM read_parquet('"
                     + dir.resolve("lake").toString().replace("'", "''") + "/legal_entity/*/*.parquet')")) {
            while (rs.next()) {
                rows++;
                keys.add(rs.getString(1));
            }
        }
        return new Lake(rows, keys);
    }

    /** Starts the hub in a JVM of its own, on the test classpath, in the project folder. */
    private static Process hub(String name) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1536m", "-cp", System.getProperty("java.class.path"),
                "-Dcrash.source-url=" + url("register"),
                CrashableHub.class.getName(),
                "--once",
                "--hub.demo.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--camel.main.routes-include-pattern=file:src/test/resources/split/routes/*.yaml",
                "--split.batch-size=" + BATCH,
                "--spring.datasource.url=" + url("hubstate"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--hub.lake.root=" + dir.resolve("lake"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
    }

    private static Path log(String name) {
        return dir.resolve(name + ".log");
    }

    private static String url(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }
}
