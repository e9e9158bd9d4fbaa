package org.exchangehub.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exchangehub.delivery.CrashableHub;
import org.exchangehub.demo.EnterpriseGenerator;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two or more hub instances as processes of their own on one PostgreSQL state store, one department database (the
 * market-regulation register, an H2 file every process opens) and one lake and warehouse, each in a folder and a
 * database of their own per test.
 */
final class ClusterRig implements AutoCloseable {

    static final Duration LEASE = Duration.ofSeconds(5);

    private final EmbeddedPostgres postgres;
    private final Path dir;
    private final String routes;
    private final int batch;
    private final String stateDb;
    private final String warehouseDb;
    private final Map<String, Process> instances = new LinkedHashMap<>();
    private final Set<String> killed = new java.util.HashSet<>();
    final MarketRegulationDatabase register;
    private final Connection keepOpen;
    final JdbcTemplate state;
    final JdbcTemplate warehouse;

    /**
     * @param name   the test's name: its databases and folders
     * @param routes {@code one} (the feed to lake and warehouse) or {@code two} (and a second, lake-only feed)
     */
    ClusterRig(EmbeddedPostgres postgres, Path dir, String name, String routes, int rows, int batch) {
        this.postgres = postgres;
        this.dir = dir.resolve(name);
        this.routes = routes;
        this.batch = batch;
        this.stateDb = "state_" + name;
        this.warehouseDb = "warehouse_" + name;
        JdbcTemplate admin = new JdbcTemplate(postgres.getPostgresDatabase());
        admin.execute("CREATE DATABASE " + stateDb);
        admin.execute("CREATE DATABASE " + warehouseDb);
        state = new JdbcTemplate(postgres.getDatabase("postgres", stateDb));
        warehouse = new JdbcTemplate(postgres.getDatabase("postgres", warehouseDb));
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(sourceUrl());
        register = new MarketRegulationDatabase(source, new EnterpriseGenerator(20261207));
        register.seed(rows);
        try {
            keepOpen = source.getConnection(); // this JVM serves the register's file to the instances throughout
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts an instance with the given id in a JVM of its own, in the project folder; settings added last. */
    Process start(String instanceId, String... settings) throws IOException {
        Files.createDirectories(dir);
        List<String> command = new java.util.ArrayList<>(CrashableHub.javaCommand(ClusteredHub.class, "cluster.source-url", sourceUrl(),
                "--hub.demo.enabled=false",
                "--hub.cluster.enabled=true",
                "--camel.main.jmx-enabled=false",
                "--camel.main.routes-include-pattern=file:src/test/resources/cluster/" + routes + "/*.yaml",
                "--cluster.batch-size=" + batch,
                "--hub.cluster.instance-id=" + instanceId,
                "--hub.cluster.lease=" + LEASE.toSeconds() + "s",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", stateDb),
                "--spring.datasource.username=postgres",
                "--hub.lake.root=" + dir.resolve("lake"),
                "--hub.warehouse.url=" + postgres.getJdbcUrl("postgres", warehouseDb) + "&reWriteBatchedInserts=true",
                "--hub.warehouse.username=postgres"));
        command.addAll(List.of(settings));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(instanceId).toFile())
                .start();
        instances.put(instanceId, process);
        return process;
    }

    /** SIGKILL: the instance dies where it is. */
    void kill(String instanceId) throws InterruptedException {
        killed.add(instanceId);
        process(instanceId).destroyForcibly().waitFor();
    }

    /** An instance died that the test did not kill (its log says why). */
    boolean anyDied() {
        return instances.entrySet().stream().anyMatch(e -> !e.getValue().isAlive() && !killed.contains(e.getKey()));
    }

    /** Awaits a condition, failing at once when an instance died on its own. */
    org.awaitility.core.ConditionFactory await(String alias) {
        return org.awaitility.Awaitility.await(alias).atMost(Duration.ofMinutes(5))
                .failFast("an instance died (see the logs in " + dir + ")", this::anyDied);
    }

    /** A folder of this test's own, e.g. the file lock service's shared folder. */
    Path folder(String name) {
        return dir.resolve(name);
    }

    Process process(String instanceId) {
        return instances.get(instanceId);
    }

    /** The other instance of a two-instance cluster. */
    String other(String instanceId) {
        return instances.keySet().stream().filter(i -> !i.equals(instanceId)).findFirst().orElseThrow();
    }

    Path log(String instanceId) {
        return dir.resolve(instanceId + ".log");
    }

    String logText(String instanceId) throws IOException {
        return Files.exists(log(instanceId)) ? Files.readString(log(instanceId)) : "";
    }

    /** Sends a signal (STOP, CONT) to an instance's process. */
    void signal(String instanceId, String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process(instanceId).pid())).start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " failed for " + instanceId);
        }
    }

    /**
     * SIGSTOPs the instance while it holds an open warehouse transaction, a batch's rows upserted and locked but not
     * committed: the hardest place to be paused, as the feed's new leader upserts the same rows again. To land the
     * pause there every time, the test holds the table in SHARE mode until the instance's upsert waits on it, pauses
     * the instance, then lets the upsert through: it completes in the server, and the session stays idle inside
     * its transaction for as long as the instance is paused.
     */
    void pauseInsideAWarehouseTransaction(String instanceId) throws SQLException, IOException, InterruptedException {
        try (Connection gate = warehouse.getDataSource().getConnection()) {
            gate.setAutoCommit(false);
            try (java.sql.Statement s = gate.createStatement()) {
                s.execute("LOCK TABLE legal_entity IN SHARE MODE");
            }
            await("an upsert of " + instanceId + " waiting on the table").pollInterval(Duration.ofMillis(20))
                    .until(() -> sessions("state = 'active' AND wait_event_type = 'Lock'") > 0);
            signal(instanceId, "STOP");
            gate.rollback();
        }
        await("the upsert done, the paused instance's transaction left open").pollInterval(Duration.ofMillis(20))
                .until(() -> sessions("state = 'idle in transaction'") > 0);
    }

    /** Sessions of the instances on the warehouse database in the given state. */
    private int sessions(String condition) {
        Integer n = warehouse.queryForObject("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?"
                + " AND pid <> pg_backend_pid() AND " + condition, Integer.class, warehouseDb);
        return n == null ? 0 : n;
    }

    /** The feed's leader in the state store: instance id and epoch, once one took it. */
    Optional<Leader> leader(String feedId) {
        if (!hasTable("hub_feed_leader")) {
            return Optional.empty();
        }
        return state.query("SELECT instance_id, epoch, taken_at FROM hub_feed_leader WHERE feed_id = ?",
                (rs, n) -> new Leader(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()), feedId)
                .stream().findFirst();
    }

    record Leader(String instanceId, long epoch, Instant takenAt) {
    }

    /** A run of the exchange log. */
    record Run(String runId, String instanceId, Instant startedAt, Instant endedAt, String status, long delivered,
            long rejected, String watermarkBefore, String error) {
    }

    /** The feed's runs, oldest first. */
    List<Run> runs(String feedId) {
        if (!hasTable("hub_run")) {
            return List.of();
        }
        return state.query("SELECT run_id, instance_id, started_at, ended_at, status, rows_delivered, rows_rejected,"
                + " watermark_before, error_message FROM hub_run WHERE feed_id = ? ORDER BY started_at, run_id",
                (rs, n) -> new Run(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getString(8),
                        rs.getString(9)), feedId);
    }

    /** The feed's committed watermark as the exchange log writes it ({@code change time/key}), or null. */
    String watermark(String feedId) {
        if (!hasTable("hub_watermark")) {
            return null;
        }
        return state.query("SELECT change_time, row_key FROM hub_watermark WHERE feed_id = ?",
                (rs, n) -> rs.getTimestamp(1).toLocalDateTime() + "/" + rs.getString(2), feedId)
                .stream().findFirst().orElse(null);
    }

    Timestamp watermarkTime(String feedId) {
        if (!hasTable("hub_watermark")) {
            return null;
        }
        return state.query("SELECT change_time FROM hub_watermark WHERE feed_id = ?", (rs, n) -> rs.getTimestamp(1),
                feedId).stream().findFirst().orElse(null);
    }

    int warehouseRows() {
        Integer n = warehouse.queryForObject("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'legal_entity'",
                Integer.class);
        return n == null || n == 0 ? 0 : warehouse.queryForObject("SELECT COUNT(*) FROM legal_entity", Integer.class);
    }

    List<String> warehouseKeys() {
        return warehouse.queryForList("SELECT uscc FROM legal_entity", String.class);
    }

    Set<String> expectedKeys() {
        return register.expectedValidUsccs();
    }

    /** Key and record hash of every record in the lake, duplicates included. */
    List<String[]> lake() throws SQLException {
        return org.exchangehub.delivery.RedeliveryChecks.legalEntitiesInLake(dir.resolve("lake"));
    }

    /** Whether an instance migrated the state store to the current version (the table is there as it is now). */
    private boolean hasTable(String table) {
        Integer history = state.queryForObject("SELECT COUNT(*) FROM pg_tables WHERE tablename = ?", Integer.class,
                "flyway_schema_history");
        if (history == null || history == 0) {
            return false;
        }
        Integer migrated = state.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE version = '44'"
                + " AND success", Integer.class);
        return migrated != null && migrated > 0;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private String sourceUrl() {
        return "jdbc:h2:file:" + dir.resolve("source/register") + ";AUTO_SERVER=TRUE";
    }

    /** Ends every instance still running (SIGCONT first, so that a stopped one can die). */
    @Override
    public void close() throws Exception {
        for (Map.Entry<String, Process> e : instances.entrySet()) {
            if (e.getValue().isAlive()) {
                signal(e.getKey(), "CONT");
                e.getValue().destroyForcibly().waitFor();
            }
        }
        keepOpen.close();
    }
}
