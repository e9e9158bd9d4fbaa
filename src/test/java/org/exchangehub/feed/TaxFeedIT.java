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
 * A department the demo does not have — the tax bureau, its tables in its own H2 database — read by the real JDBC
 * source into the lake. Its status code table is closed, so a bare standard code or a code never agreed is
 * quarantined {@code UNKNOWN_CODE} and never reaches the lake; the same table read with
 * {@code standard_codes: accept} delivers the bare standard code. Across runs, the lake carries each version with
 * its source change time, and the README's compaction query keeps the latest.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class TaxFeedIT {

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
            for (String table : List.of("DJ_NSRXX", "DJ_SWDJ")) {
                c.createStatement().execute("CREATE TABLE " + table + " (ID BIGINT PRIMARY KEY, NSRSBH VARCHAR(18),"
                        + " NSRMC VARCHAR(200), FDDBRXM VARCHAR(50), ZCZB VARCHAR(20), KYRQ VARCHAR(10),"
                        + " NSRZTDM VARCHAR(4), XGSJ TIMESTAMP)");
            }
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
            c.createStatement().execute("INSERT INTO DJ_SWDJ SELECT * FROM DJ_NSRXX WHERE NSRZTDM IN ('03', '05')");
        }
    }

    private static void department(String sql, Object... args) throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DB_URL);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
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

    @Test
    void aFullLoadReadAgainDeliversNothingAndQuarantinesNothingTwice() {
        RunRecord first = run("tax.taxpayers-full");

        RunRecord second = run("tax.taxpayers-full");

        assertThat(first.rowsUnchanged()).isZero();
        assertThat(second.rowsRead()).isEqualTo(first.rowsRead());
        assertThat(second.rowsDelivered()).isZero();
        assertThat(second.rowsRejected()).isZero();
        assertThat(second.rowsUnchanged()).isEqualTo(first.rowsDelivered() + first.rowsRejected());
        assertThat(state.rejections(second.runId())).isEmpty();
    }

    @Test
    void everyRunOfTheTableIsReconciledWithItsOwnCountOfRows() throws Exception {
        long rows;
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DB_URL);
        try (Connection c = ds.getConnection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM DJ_NSRXX")) {
            rs.next();
            rows = rs.getLong(1);
        }

        RunRecord first = run("tax.taxpayers-counted");
        RunRecord second = run("tax.taxpayers-counted"); // every row again, unchanged

        for (RunRecord run : List.of(first, second)) {
            var logged = state.run(run.runId()).orElseThrow().reconciliation();
            assertThat(logged.outcome()).isEqualTo(org.exchangehub.state.Reconciliation.Outcome.RECONCILED);
            assertThat(logged.sourceCount()).isEqualTo(rows);
            assertThat(logged.method()).startsWith("COUNT(*)");
        }
    }

    @Test
    void lakeCarriesTheSourceChangeTimeOfEachRecord() throws Exception {
        RunRecord run = run("tax.taxpayers-lineage");

        try (DuckDb duck = new DuckDb()) {
            List<Map<String, Object>> rows = duck.query("SELECT _source_key, CAST(_change_time AS VARCHAR) AS t FROM "
                    + DuckDb.lake(LAKE.resolve("legal_entity/*/*.parquet")) + " WHERE _run_id = '" + run.runId()
                    + "' AND _source_key = '2'");
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.get("t")).isEqualTo("2026-11-01 09:02:00"));
        }
    }

    @Test
    void readmeCompactionQueryKeepsTheLatestVersionOfEachKeyAcrossRuns() throws Exception {
        RunRecord first = run("tax.registrations");
        department("UPDATE DJ_SWDJ SET NSRZTDM = '05', XGSJ = ? WHERE ID = 1", LocalDateTime.of(2026, 11, 2, 9, 0));
        RunRecord second = run("tax.registrations");
        assertThat(first.runId()).isLessThan(second.runId());
        assertThat(second.rowsDelivered()).isEqualTo(1);

        String query = readmeDuckDbCompactionQuery().replace("data/lake", LAKE.toString());
        Map<String, String> latest = new HashMap<>();
        try (DuckDb duck = new DuckDb()) {
            duck.query("SELECT uscc, status_code, _run_id FROM (" + query + ") WHERE _source = 'tax' AND uscc IN ('"
                    + USCC.get(1L) + "', '" + USCC.get(2L) + "')")
                    .forEach(r -> latest.put((String) r.get("uscc"), r.get("status_code") + "@" + r.get("_run_id")));
        }

        assertThat(latest).containsEntry(USCC.get(1L), "3@" + second.runId())
                .containsEntry(USCC.get(2L), "3@" + first.runId());
    }

    /** The DuckDB query the README gives platform users (the first sql block reading the lake with read_parquet). */
    private static String readmeDuckDbCompactionQuery() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```sql\n");
        while (start >= 0 && !readme.substring(start, readme.indexOf("```", start + 6)).contains("read_parquet")) {
            start = readme.indexOf("```sql\n", start + 6);
        }
        assertThat(start).as("a ```sql block with read_parquet in README.md").isNotNegative();
        int end = readme.indexOf("```", start + 7);
        String sql = readme.substring(start + 7, end).trim();
        return sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql;
    }
}
