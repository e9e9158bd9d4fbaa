package org.exchangehub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.demo.EnterpriseRow;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.sink.lake.DuckDb;
import org.exchangehub.state.QuarantineRecord;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo feed end to end: the market-regulation database through the JDBC incremental source, the mapping
 * and the lake sink, with the state store and the exchange log. Runs are driven by the test, not the schedule.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MarketRegulationFeedIT {

    private static final String FEED = "market-regulation.enterprises";
    private static final Path LAKE = HubTestSupport.tempDir("lake");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.market-regulation.rows", () -> "1500");
    }

    @Autowired
    FeedRegistry feeds;

    @Autowired
    StateStore state;

    @Autowired
    MarketRegulationDatabase department;

    @Autowired
    CamelContext camel;

    private FeedConsumer feed() {
        return feeds.feed(FEED).orElseThrow();
    }

    /** Runs until nothing is left to read, so each test starts from a caught-up feed. */
    private void drain() {
        RunRecord run;
        do {
            run = feed().runNow();
            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        } while (run.rowsRead() > 0);
    }

    @Test
    void lakeHoldsExactlyTheValidRecordsOfTheDepartment() throws Exception {
        drain();
        try (DuckDb duck = new DuckDb()) {
            String lake = DuckDb.lake(LAKE.resolve("legal_entity/*/*.parquet"));
            List<Map<String, Object>> rows = duck.query("SELECT uscc FROM " + lake);
            Set<String> usccs = new HashSet<>();
            rows.forEach(r -> usccs.add((String) r.get("uscc")));
            assertThat(usccs).hasSize(rows.size()).isEqualTo(department.expectedValidUsccs());
        }
    }

    @Test
    void lakeColumnsHaveTheCatalogueTypes() throws Exception {
        drain();
        try (DuckDb duck = new DuckDb()) {
            Map<String, String> types = duck.describe(
                    "SELECT * FROM " + DuckDb.lake(LAKE.resolve("legal_entity/*/*.parquet")));
            assertThat(types).containsEntry("uscc", "VARCHAR")
                    .containsEntry("registered_capital_cny", "DECIMAL(20,2)")
                    .containsEntry("established_date", "DATE")
                    .containsEntry("_extracted_at", "TIMESTAMP WITH TIME ZONE")
                    .containsKeys("_dataset", "_source", "_source_key", "_run_id", "_record_hash");
        }
    }

    @Test
    void everyRejectCarriesReasonCodesAndItsRawRecord() {
        drain();
        List<QuarantineRecord> rejects = new ArrayList<>();
        for (RunRecord run : state.runs(FEED, 1000)) {
            rejects.addAll(state.rejections(run.runId()));
        }
        long invalidRows = department.count() - department.expectedValidUsccs().size();
        assertThat(rejects).hasSize((int) invalidRows);
        for (QuarantineRecord reject : rejects) {
            assertThat(reject.violations()).isNotEmpty();
            assertThat(reject.violations()).allSatisfy(v -> {
                assertThat(v.reason()).isIn((Object[]) ReasonCode.values());
                assertThat(v.field()).isNotBlank();
            });
            assertThat(reject.rawForm()).contains("\"ID\":\"" + reject.sourceKey() + "\"");
            assertThat(reject.dataset()).isEqualTo("legal_entity");
            assertThat(reject.source()).isEqualTo("market-regulation");
        }
    }

    @Test
    void rowsSharingTheLastChangeTimeAndLateRowsInsideTheLookBackAreDeliveredOnce() {
        drain();
        Watermark watermark = state.watermark(FEED).orElseThrow();
        List<EnterpriseRow> fresh = validRowsAfter(maxId(), 3);
        insert(fresh.get(0), watermark.changeTime());
        insert(fresh.get(1), watermark.changeTime());
        insert(fresh.get(2), watermark.changeTime().minusMinutes(2)); // committed late, inside the 5 min look-back

        RunRecord next = feed().runNow();
        RunRecord after = feed().runNow();

        assertThat(next.rowsRead()).isEqualTo(3);
        assertThat(next.rowsDelivered()).isEqualTo(3);
        assertThat(after.rowsRead()).isZero();
        assertThat(deliveredKeys(next.runId())).containsExactlyInAnyOrder(
                String.valueOf(fresh.get(0).id()), String.valueOf(fresh.get(1).id()), String.valueOf(fresh.get(2).id()));
    }

    @Test
    void restartedRoutesResumeFromTheStoredWatermark() throws Exception {
        drain();
        Watermark before = state.watermark(FEED).orElseThrow();

        camel.getRouteController().stopAllRoutes();
        camel.getRouteController().startAllRoutes();
        RunRecord run = feed().runNow();

        assertThat(run.watermarkBefore()).isEqualTo(before.toString());
        assertThat(run.rowsRead()).isZero();
        assertThat(state.watermark(FEED)).contains(before);
    }

    @Test
    void anUnwritableLakeFailsTheRunKeepsTheWatermarkAndTheNextRunDeliversEverything() throws Exception {
        drain();
        Watermark before = state.watermark(FEED).orElseThrow();
        EnterpriseRow row = validRowsAfter(maxId(), 1).get(0);
        insert(row, LocalDateTime.now().withNano(0));
        Path dataset = LAKE.resolve("legal_entity");
        Path aside = LAKE.resolve("legal_entity.aside");
        Files.move(dataset, aside);
        Files.writeString(dataset, "not a folder");
        RunRecord failed;
        try {
            failed = feed().runNow();
        } finally {
            Files.delete(dataset);
            Files.move(aside, dataset);
        }

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("not delivered");
        assertThat(state.run(failed.runId()).orElseThrow().status()).isEqualTo(RunStatus.FAILED);
        assertThat(state.watermark(FEED)).contains(before);

        RunRecord recovered = feed().runNow();
        assertThat(recovered.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(recovered.rowsDelivered()).isEqualTo(1);
        assertThat(deliveredKeys(recovered.runId())).containsExactly(String.valueOf(row.id()));
    }

    private List<String> deliveredKeys(String runId) {
        try (DuckDb duck = new DuckDb()) {
            List<String> keys = new ArrayList<>();
            for (Map<String, Object> r : duck.query("SELECT _source_key FROM "
                    + DuckDb.lake(LAKE.resolve("legal_entity/*/*.parquet")) + " WHERE _run_id = '" + runId + "'")) {
                keys.add((String) r.get("_source_key"));
            }
            return keys;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long maxId() {
        Long max = new JdbcTemplate(department.dataSource()).queryForObject("SELECT MAX(ID) FROM T_QYDJ", Long.class);
        return max == null ? 0 : max;
    }

    /** The generator's rows after {@code id} that the hub must accept, so the demo's expectations stay true. */
    private List<EnterpriseRow> validRowsAfter(long id, int count) {
        List<EnterpriseRow> rows = new ArrayList<>();
        for (long next = id + 1; rows.size() < count; next++) {
            EnterpriseRow row = department.generator().row(next);
            if (row.expectedValid()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private void insert(EnterpriseRow row, LocalDateTime changedAt) {
        new JdbcTemplate(department.dataSource()).update(
                "INSERT INTO T_QYDJ (ID, TYSHXYDM, QYMC, FDDBR, ZCZB, CLRQ, XZQH, DJZT, GXSJ) VALUES (?,?,?,?,?,?,?,?,?)",
                row.id(), row.tyshxydm(), row.qymc(), row.fddbr(), row.zczb(), row.clrq(), row.xzqh(), row.djzt(),
                Timestamp.valueOf(changedAt));
    }
}
