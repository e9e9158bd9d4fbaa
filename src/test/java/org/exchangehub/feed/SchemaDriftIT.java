package org.exchangehub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.standards.Uscc;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Schema drift on a department table read by the real JDBC source with the tax bureau's mapping: a mapped column
 * that disappears, or changes type, stops the next run before it reads (the column, the mapping file and the fix in
 * the exchange log, the watermark kept); a column that appears is reported once and changes nothing.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SchemaDriftIT {

    private static final String DB_URL = "jdbc:h2:mem:drift-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final Path LAKE = HubTestSupport.tempDir("drift-lake");
    private static final Path CONFIG = HubTestSupport.tempDir("drift-config");
    private static final String MAPPING_FILE = "tax-taxpayers.yaml";

    @Autowired
    FeedRegistry feeds;

    @Autowired
    StateStore state;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        for (String table : List.of("DRIFT_DROPPED", "DRIFT_ADDED", "DRIFT_RETYPED")) {
            department("CREATE TABLE " + table + " (ID BIGINT PRIMARY KEY, NSRSBH VARCHAR(18), NSRMC VARCHAR(200),"
                    + " FDDBRXM VARCHAR(50), ZCZB VARCHAR(20), KYRQ VARCHAR(10), NSRZTDM VARCHAR(4), XGSJ TIMESTAMP)");
            for (long id = 1; id <= 3; id++) {
                insert(table, id);
            }
        }
        HubTestSupport.projectConfig(CONFIG, Path.of("src/test/resources/tax/mappings", MAPPING_FILE));
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.config-dir", CONFIG::toString);
        registry.add("camel.main.routes-include-pattern", () -> "file:src/test/resources/schema-drift/routes/*.yaml");
        registry.add("hub.datasources.taxDb.url", () -> DB_URL);
    }

    private static void insert(String table, long id) throws SQLException {
        String first17 = "913501007" + String.format("%08d", 50000 + id);
        department("INSERT INTO " + table + " (ID, NSRSBH, NSRMC, ZCZB, KYRQ, NSRZTDM, XGSJ) VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, first17 + Uscc.checkChar(first17), "福州漂移示例" + id + "有限公司", "100000", "2015-03-0" + id, "03",
                LocalDateTime.of(2026, 11, 1, 9, 0).plusMinutes(id));
    }

    private static void department(String sql, Object... args) throws SQLException {
        HubTestSupport.execute(DB_URL, sql, args);
    }

    private FeedConsumer feed(String id) {
        return feeds.feed(id).orElseThrow();
    }

    private RunRecord logged(RunRecord run) {
        return state.run(run.runId()).orElseThrow();
    }

    @Test
    void droppingAMappedColumnStopsTheNextRunNamingTheColumnTheMappingFileAndTheFix() throws Exception {
        RunRecord first = feed("drift.dropped").runNow();
        Watermark before = state.watermark("drift.dropped").orElseThrow();
        department("ALTER TABLE DRIFT_DROPPED DROP COLUMN FDDBRXM");
        insert("DRIFT_DROPPED", 4);

        RunRecord next = logged(feed("drift.dropped").runNow());

        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(next.status()).isEqualTo(RunStatus.FAILED);
        assertThat(next.error()).contains("column FDDBRXM is no longer in table PUBLIC.DRIFT_DROPPED")
                .contains("fills legal_rep_name from it").contains(CONFIG.resolve("mappings").toString())
                .contains(MAPPING_FILE).contains("Fix: in " + CONFIG.resolve("mappings").resolve(MAPPING_FILE)
                        + " map the field from the column that replaced FDDBRXM")
                .contains("watermark is kept");
        assertThat(next.rowsRead()).isZero();
        assertThat(next.rowsDelivered()).isZero();
        assertThat(state.watermark("drift.dropped")).contains(before);
    }

    @Test
    void addingAColumnOnlyReportsItOnceAndTheRunDeliversAsBefore() throws Exception {
        feed("drift.added").runNow();
        double counted = added();
        department("ALTER TABLE DRIFT_ADDED ADD COLUMN BZ VARCHAR(200)");
        insert("DRIFT_ADDED", 4);

        RunRecord reported = logged(feed("drift.added").runNow());
        insert("DRIFT_ADDED", 5);
        RunRecord after = logged(feed("drift.added").runNow());

        assertThat(reported.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(reported.rowsDelivered()).isEqualTo(1);
        assertThat(reported.receipt()).contains("new column(s) BZ (CHARACTER VARYING) in table PUBLIC.DRIFT_ADDED, not mapped");
        assertThat(added() - counted).isEqualTo(1.0);
        assertThat(after.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(after.rowsDelivered()).isEqualTo(1);
        assertThat(after.receipt()).doesNotContain("BZ");
    }

    private double added() {
        var counter = meters.find("hub.feed.source.columns.added").tag("feed", "drift.added").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aMappedColumnThatChangedTypeStopsTheRunsUntilTheOperatorAcceptsIt() throws Exception {
        feed("drift.retyped").runNow();
        Watermark before = state.watermark("drift.retyped").orElseThrow();
        department("ALTER TABLE DRIFT_RETYPED ALTER COLUMN ZCZB SET DATA TYPE DECIMAL(20, 2)");
        insert("DRIFT_RETYPED", 4);

        RunRecord stopped = logged(feed("drift.retyped").runNow());
        RunRecord stillStopped = logged(feed("drift.retyped").runNow());
        feed("drift.retyped").acceptSourceSchema();
        RunRecord accepted = logged(feed("drift.retyped").runNow());

        assertThat(stopped.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stopped.error()).contains("column ZCZB of table PUBLIC.DRIFT_RETYPED changed type from"
                + " CHARACTER VARYING to DECIMAL since the last run").contains(MAPPING_FILE).contains("acceptSourceSchema");
        assertThat(stillStopped.status()).isEqualTo(RunStatus.FAILED);
        assertThat(stillStopped.watermarkAfter()).isEqualTo(before.toString());
        assertThat(accepted.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(accepted.rowsDelivered()).isEqualTo(1);
    }
}
