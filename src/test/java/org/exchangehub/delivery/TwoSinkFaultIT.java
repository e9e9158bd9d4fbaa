package org.exchangehub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One feed, two sinks (Kafka, then a PostgreSQL warehouse), one commit: the warehouse refuses the records of the
 * second batch (a real database error, raised by a trigger) after Kafka already took them. The watermark stays at
 * the end of the first batch; once the fault clears, the next run re-delivers to both sinks, and both hold every
 * valid record, the warehouse exactly once per key.
 */
@SpringBootTest(properties = {
    "hub.scheduling-enabled=false",
    "camel.main.jmx-enabled=false",
    "camel.main.routes-include-pattern=file:src/test/resources/delivery/routes/*.yaml",
    "spring.datasource.url=jdbc:h2:mem:two-sink-fault-state;DB_CLOSE_DELAY=-1",
    "hub.demo.market-regulation.database-name=two-sink-fault",
    "hub.demo.market-regulation.rows=1000",
    "hub.demo.market-regulation.trickle-interval=1h",
    "delivery.batch-size=" + TwoSinkFaultIT.BATCH,
})
@DirtiesContext
class TwoSinkFaultIT {

    static final int BATCH = 200;
    private static final String FEED = "market-regulation.enterprises";
    private static final String TOPIC = "exchangehub.legal_entity.v1";
    private static final EmbeddedPostgres POSTGRES = startPostgres();
    private static final KafkaTestBroker KAFKA = new KafkaTestBroker(3);

    @Autowired
    FeedRegistry feeds;
    @Autowired
    StateStore state;
    @Autowired
    MarketRegulationDatabase register;

    private final JdbcTemplate warehouse = new JdbcTemplate(POSTGRES.getPostgresDatabase());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("hub.warehouse.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres")
                + "&reWriteBatchedInserts=true");
        registry.add("hub.kafka.brokers", KAFKA::brokers);
        registry.add("hub.lake.root", () -> tempDir());
    }

    @AfterAll
    static void stop() throws IOException {
        KAFKA.close();
        POSTGRES.close();
    }

    @Test
    void secondSinkFailingOnTheSecondBatchKeepsTheWatermarkAndTheRetryCompletesBothSinks() {
        List<Map<String, Object>> sourceOrder = new JdbcTemplate(register.dataSource())
                .queryForList("SELECT ID, GXSJ FROM T_QYDJ ORDER BY GXSJ, ID");
        refuseSourceKeys(sourceOrder.subList(BATCH, 2 * BATCH));
        FeedConsumer feed = feeds.feed(FEED).orElseThrow();

        RunRecord failed = feed.runNow();

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("batch 1");
        Map<String, Object> lastOfFirstBatch = sourceOrder.get(BATCH - 1);
        assertThat(state.watermark(FEED)).contains(new Watermark(
                ((Timestamp) lastOfFirstBatch.get("GXSJ")).toLocalDateTime(), lastOfFirstBatch.get("ID").toString()));
        assertThat(KAFKA.readAll(TOPIC)).as("Kafka took the second batch before the warehouse refused it")
                .hasSizeGreaterThan(warehouseRows());

        warehouse.update("DELETE FROM refused_keys");
        RunRecord retry = feed.runNow();

        assertThat(retry.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(warehouse.queryForList("SELECT uscc FROM legal_entity", String.class))
                .containsExactlyInAnyOrderElementsOf(register.expectedValidUsccs());
        assertThat(KAFKA.compacted(TOPIC).keySet()).containsExactlyInAnyOrderElementsOf(register.expectedValidUsccs());
    }

    private int warehouseRows() {
        return warehouse.queryForObject("SELECT COUNT(*) FROM legal_entity", Integer.class);
    }

    /** The warehouse table as the sink creates it, plus a trigger refusing rows whose source key is listed. */
    private void refuseSourceKeys(List<Map<String, Object>> rows) {
        warehouse.execute("CREATE TABLE legal_entity (uscc VARCHAR(18) NOT NULL, name TEXT NOT NULL,"
                + " legal_rep_name TEXT, registered_capital_cny NUMERIC(20,2), established_date DATE,"
                + " division_code VARCHAR(6), status_code VARCHAR(1) NOT NULL, _dataset VARCHAR(64) NOT NULL,"
                + " _source VARCHAR(64) NOT NULL, _source_key VARCHAR(255) NOT NULL, _run_id VARCHAR(64) NOT NULL,"
                + " _extracted_at TIMESTAMP WITH TIME ZONE NOT NULL, _record_hash CHAR(64) NOT NULL,"
                + " PRIMARY KEY (uscc))");
        warehouse.execute("CREATE TABLE refused_keys (source_key VARCHAR(255) PRIMARY KEY)");
        warehouse.batchUpdate("INSERT INTO refused_keys VALUES (?)",
                rows.stream().map(r -> new Object[] {r.get("ID").toString()}).toList());
        warehouse.execute("CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF EXISTS (SELECT 1 FROM refused_keys WHERE source_key = NEW._source_key) THEN"
                + " RAISE EXCEPTION 'the warehouse refuses this write'; END IF; RETURN NEW; END $$");
        warehouse.execute("CREATE TRIGGER refuse BEFORE INSERT OR UPDATE ON legal_entity"
                + " FOR EACH ROW EXECUTE FUNCTION refuse()");
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("two-sink-fault-lake").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
