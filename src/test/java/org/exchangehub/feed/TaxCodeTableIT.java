package org.exchangehub.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Violation;
import org.exchangehub.sink.lake.DuckDb;
import org.exchangehub.standards.Uscc;
import org.exchangehub.state.QuarantineRecord;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department the demo does not have — the tax bureau's taxpayer register in its own H2 database — read by the
 * real JDBC source into the lake: its status code table is closed, so a bare standard code or a code never agreed
 * is quarantined {@code UNKNOWN_CODE} and never reaches the lake; the same table read with
 * {@code standard_codes: accept} delivers the bare standard code.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TaxCodeTableIT {

    private static final String DB_URL = "jdbc:h2:mem:tax-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private static final Path LAKE = HubTestSupport.tempDir("tax-lake");
    private static final Path CONFIG = HubTestSupport.tempDir("tax-config");

    /** Source key → the bureau's status code. */
    private static final Map<Long, String> STATUS = Map.of(1L, "03", 2L, "05", 3L, "3", 4L, "07", 5L, "注销");
    private static final Map<Long, String> USCC = new HashMap<>();

    @Autowired
    FeedRegistry feeds;

    @Autowired
    StateStore state;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        createDepartment();
        copyConfig();
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.config-dir", CONFIG::toString);
        registry.add("camel.main.routes-include-pattern", () -> "file:src/test/resources/tax/routes/*.yaml");
        registry.add("hub.datasources.taxDb.url", () -> DB_URL);
    }

    private static void createDepartment() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DB_URL);
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("CREATE TABLE DJ_NSRXX (ID BIGINT PRIMARY KEY, NSRSBH VARCHAR(18),"
                    + " NSRMC VARCHAR(200), FDDBRXM VARCHAR(50), ZCZB VARCHAR(20), KYRQ VARCHAR(10),"
                    + " NSRZTDM VARCHAR(4), XGSJ TIMESTAMP)");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO DJ_NSRXX VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (long id = 1; id <= STATUS.size(); id++) {
                    String first17 = "913501007" + String.format("%08d", 40000 + id);
                    String uscc = first17 + Uscc.checkChar(first17);
                    USCC.put(id, uscc);
                    ps.setLong(1, id);
                    ps.setString(2, uscc);
                    ps.setString(3, "福州税务示例" + id + "有限公司");
                    ps.setString(4, "陈一");
                    ps.setString(5, "100000");
                    ps.setString(6, "2015-03-0" + id);
                    ps.setString(7, STATUS.get(id));
                    ps.setObject(8, LocalDateTime.of(2026, 11, 1, 9, 0).plusMinutes(id));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void copyConfig() throws Exception {
        for (String sub : List.of("catalogue", "codes")) {
            Files.createDirectories(CONFIG.resolve(sub));
            try (Stream<Path> files = Files.list(Path.of("config", sub))) {
                for (Path f : files.toList()) {
                    Files.copy(f, CONFIG.resolve(sub).resolve(f.getFileName()));
                }
            }
        }
        Files.createDirectories(CONFIG.resolve("mappings"));
        for (String m : List.of("tax-taxpayers", "tax-taxpayers-open")) {
            Files.copy(Path.of("src/test/resources/tax/mappings", m + ".yaml"), CONFIG.resolve("mappings/" + m + ".yaml"));
        }
    }

    private RunRecord run(String feed) {
        RunRecord run = feeds.feed(feed).orElseThrow().runNow();
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        return run;
    }

    private Map<String, String> lakeStatusByUscc(String runId) throws Exception {
        Map<String, String> status = new HashMap<>();
        try (DuckDb duck = new DuckDb()) {
            duck.query("SELECT uscc, status_code FROM " + DuckDb.lake(LAKE.resolve("legal_entity/*/*.parquet"))
                    + " WHERE _run_id = '" + runId + "'")
                    .forEach(r -> status.put((String) r.get("uscc"), (String) r.get("status_code")));
        }
        return status;
    }

    @Test
    void closedTableDeliversOnlyTheDepartmentsOwnCodesAndQuarantinesTheRestAsUnknownCode() throws Exception {
        RunRecord run = run("tax.taxpayers");

        assertThat(run.rowsRead()).isEqualTo(5);
        assertThat(lakeStatusByUscc(run.runId())).isEqualTo(Map.of(USCC.get(1L), "1", USCC.get(2L), "3"));
        List<QuarantineRecord> rejects = state.rejections(run.runId());
        assertThat(rejects).extracting(QuarantineRecord::sourceKey).containsExactlyInAnyOrder("3", "4", "5");
        assertThat(rejects).allSatisfy(q -> assertThat(q.violations()).extracting(Violation::field, Violation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("status_code", ReasonCode.UNKNOWN_CODE)));
    }

    @Test
    void tableThatAcceptsStandardCodesDeliversTheBareStandardCodeButNotTheUnagreedOne() throws Exception {
        RunRecord run = run("tax.taxpayers-open");

        assertThat(lakeStatusByUscc(run.runId())).isEqualTo(Map.of(USCC.get(1L), "1", USCC.get(2L), "3",
                USCC.get(3L), "3", USCC.get(5L), "3"));
        assertThat(state.rejections(run.runId())).extracting(QuarantineRecord::sourceKey).containsExactly("4");
    }
}
