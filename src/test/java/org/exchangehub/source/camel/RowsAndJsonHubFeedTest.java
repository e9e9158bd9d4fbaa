package org.exchangehub.source.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.sink.lake.DuckDb;
import org.exchangehub.standards.Uscc;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hub-feed step behind Camel's own components other than camel-ftp
 * ({@code src/test/resources/anyuri/formats/tax-taxpayers.yaml}): the rows camel-jdbc streams from a department table
 * on a timer ({@code format=rows}) and a JSON export camel-file consumes ({@code format=json}) are mapped, the
 * unknown code quarantined, and the valid records delivered to the lake, one run each in the exchange log.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RowsAndJsonHubFeedTest {

    private static final String DB_URL = "jdbc:h2:mem:anyuri-tax-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final Path DIR = HubTestSupport.tempDir("anyuri-formats");
    private static final Path LAKE = DIR.resolve("lake");
    private static final Path DROP = DIR.resolve("drop");

    @Autowired
    StateStore state;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        createTable();
        Files.createDirectories(DROP);
        Path config = HubTestSupport.tempDir("anyuri-formats-config");
        HubTestSupport.projectConfig(config, Path.of("src/test/resources/tax/mappings/tax-taxpayers.yaml"));
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.config-dir", config::toString);
        registry.add("camel.main.routes-include-pattern",
                () -> "file:src/test/resources/anyuri/formats/tax-taxpayers.yaml");
        registry.add("hub.datasources.taxDb.url", () -> DB_URL);
        registry.add("anyuri.json-drop", DROP::toString);
    }

    private static void createTable() throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DB_URL);
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE DJ_NSRXX (ID BIGINT PRIMARY KEY, NSRSBH VARCHAR(18),"
                    + " NSRMC VARCHAR(200), FDDBRXM VARCHAR(50), ZCZB VARCHAR(20), KYRQ VARCHAR(10),"
                    + " NSRZTDM VARCHAR(4), XGSJ TIMESTAMP)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO DJ_NSRXX VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                String[] status = {"03", "05", "07"};
                for (int id = 1; id <= 3; id++) {
                    ps.setLong(1, id);
                    ps.setString(2, uscc(id));
                    ps.setString(3, "福州税务示例" + id + "有限公司");
                    ps.setString(4, "陈一");
                    ps.setString(5, "100000");
                    ps.setString(6, "2015-03-0" + id);
                    ps.setString(7, status[id - 1]);
                    ps.setObject(8, LocalDateTime.of(2026, 11, 1, 9, 0).plusMinutes(id));
                    ps.executeUpdate();
                }
            }
        }
    }

    private static String uscc(int id) {
        String first17 = "913501007" + String.format("%08d", 50000 + id);
        return first17 + Uscc.checkChar(first17);
    }

    @Test
    void rowsFromCamelJdbcAreMappedQuarantinedAndDelivered() throws Exception {
        RunRecord run = awaitRun("tax.taxpayers-rows");

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(3);
        assertThat(run.rowsDelivered()).isEqualTo(2);
        assertThat(run.rowsRejected()).isEqualTo(1);
        assertThat(state.rejections(run.runId())).singleElement().satisfies(q -> {
            assertThat(q.sourceKey()).isEqualTo("3");
            assertThat(q.violations()).anyMatch(v -> v.reason() == ReasonCode.UNKNOWN_CODE);
        });
        assertThat(lakeUsccs(run)).containsExactlyInAnyOrder(uscc(1), uscc(2));
    }

    @Test
    void aJsonExportFromCamelFileIsDeliveredThenMovedToDone() throws Exception {
        Files.writeString(DROP.resolve("taxpayers.json"), "[" + json(11, "03") + "," + json(12, "06") + "]");

        await("taxpayers.json moved to .done").atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(DROP.resolve(".done/taxpayers.json")));

        RunRecord run = awaitRun("tax.taxpayers-json");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsDelivered()).isEqualTo(2);
        assertThat(lakeUsccs(run)).containsExactlyInAnyOrder(uscc(11), uscc(12));
    }

    private static String json(int id, String status) {
        return "{\"ID\":" + id + ",\"NSRSBH\":\"" + uscc(id) + "\",\"NSRMC\":\"福州税务示例" + id + "有限公司\","
                + "\"FDDBRXM\":\"陈一\",\"ZCZB\":\"100000\",\"KYRQ\":\"2016-04-01\",\"NSRZTDM\":\"" + status + "\","
                + "\"XGSJ\":\"2026-11-02T09:00:00\"}";
    }

    private RunRecord awaitRun(String feed) {
        await(feed + " ran").atMost(Duration.ofMinutes(2)).until(() -> !state.runs(feed, 1).isEmpty()
                && state.runs(feed, 1).get(0).status() != RunStatus.RUNNING);
        return state.runs(feed, 1).get(0);
    }

    private static List<Object> lakeUsccs(RunRecord run) throws Exception {
        try (DuckDb duck = new DuckDb()) {
            List<Map<String, Object>> rows = duck.query("SELECT uscc FROM "
                    + DuckDb.lake(LAKE.resolve("legal_entity/*/*.parquet")) + " WHERE _run_id = '" + run.runId() + "'");
            return rows.stream().map(r -> r.get("uscc")).toList();
        }
    }
}
