package org.exchangehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exchangehub.demo.EnterpriseGenerator;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The hub killed mid-run ({@code destroyForcibly}, i.e. SIGKILL, once some batches are in the warehouse) and
 * started again: no valid source record is missing from any sink (lake, Kafka, warehouse); duplicates in the
 * append-only sinks are limited to one batch and carry the same key and record hash; the warehouse holds exactly
 * one row per key.
 */
class CrashRecoveryIT {

    private static final int ROWS = 5000;
    private static final int BATCH = 250;
    private static final String TOPIC = "exchangehub.legal_entity.v1";

    @TempDir
    static Path dir;

    private static EmbeddedPostgres postgres;
    private static KafkaTestBroker kafka;
    private static MarketRegulationDatabase register;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        kafka = new KafkaTestBroker(3);
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(sourceUrl());
        register = new MarketRegulationDatabase(source, new EnterpriseGenerator(20261128));
        register.seed(ROWS);
    }

    @AfterAll
    static void stop() throws IOException {
        kafka.close();
        postgres.close();
    }

    @Test
    void hubKilledMidRunLosesNothingAfterRestart() throws Exception {
        Set<String> expected = register.expectedValidUsccs();
        JdbcTemplate warehouse = new JdbcTemplate(postgres.getPostgresDatabase());

        Process first = hub("first");
        await("some batches in the warehouse").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
                .until(() -> !first.isAlive() || rows(warehouse) >= 2 * BATCH);
        assertThat(first.isAlive()).as("the first hub is still running (see %s)", log("first")).isTrue();
        first.destroyForcibly().waitFor();
        int rowsAtKill = rows(warehouse);
        assertThat(rowsAtKill).as("killed mid-run").isLessThan(expected.size());

        Process second = hub("second");
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).as("restarted hub finished").isTrue();
        assertThat(second.exitValue()).as("restarted hub's exit code (see %s)", log("second")).isZero();

        assertThat(warehouse.queryForList("SELECT uscc FROM legal_entity", String.class))
                .as("warehouse: exactly one row per valid key").containsExactlyInAnyOrderElementsOf(expected);
        List<String[]> topic = new ArrayList<>();
        kafka.readAll(TOPIC).forEach(r -> topic.add(new String[] {r.key(), r.value().get("_record_hash").asText()}));
        assertCompleteWithDuplicatesFromOneBatchOnly("kafka", topic, expected);
        assertCompleteWithDuplicatesFromOneBatchOnly("lake", lake(), expected);
    }

    private static void assertCompleteWithDuplicatesFromOneBatchOnly(String sink, List<String[]> keyAndHash,
            Set<String> expected) {
        RedeliveryChecks.assertCompleteWithDuplicatesFromOneBatchOnly(sink, keyAndHash, expected, BATCH);
    }

    private static List<String[]> lake() throws SQLException {
        return RedeliveryChecks.legalEntitiesInLake(dir.resolve("lake"));
    }

    private static int rows(JdbcTemplate warehouse) {
        Integer n = warehouse.queryForObject("SELECT COUNT(*) FROM pg_tables WHERE tablename = 'legal_entity'",
                Integer.class);
        return n == null || n == 0 ? 0 : warehouse.queryForObject("SELECT COUNT(*) FROM legal_entity", Integer.class);
    }

    /** Starts the hub in a JVM of its own, on the test classpath, in the project folder. */
    private static Process hub(String name) throws IOException {
        List<String> command = CrashableHub.javaCommand(CrashableHub.class, "crash.source-url", sourceUrl(),
                "--once",
                "--hub.demo.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--camel.main.routes-include-pattern=file:src/test/resources/delivery/routes/*.yaml",
                "--delivery.batch-size=" + BATCH,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("state/hub") + ";WRITE_DELAY=0",
                "--hub.lake.root=" + dir.resolve("lake"),
                "--hub.kafka.brokers=" + kafka.brokers(),
                "--hub.warehouse.url=" + postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
                "--hub.warehouse.username=postgres");
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
    }

    private static Path log(String name) {
        return dir.resolve(name + ".log");
    }

    /** A file database that both the test and the hub's processes open (H2's automatic mixed mode). */
    private static String sourceUrl() {
        return "jdbc:h2:file:" + dir.resolve("source/register") + ";AUTO_SERVER=TRUE";
    }
}
