package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.exchangehub.ExchangeHubApplication;
import org.exchangehub.kit.Kit;
import org.exchangehub.state.AuditEntry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Rejects back to the department, from the public-security population table: a download per run or per feed in
 * CSV (UTF-8 with BOM), JSONL or XLSX, every reason with its field and a Chinese explanation, personal values
 * masked unless the caller has the unmask role (audited), and a reject resolved once the department's corrected
 * row is delivered. The same export from the {@code rejects} command.
 */
class RejectDownloadWebTest extends OpsHubTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    StateStore state;

    private TestRestTemplate viewer() {
        return http.withBasicAuth(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD);
    }

    private TestRestTemplate auditor() {
        return http.withBasicAuth(OpsHub.AUDITOR, OpsHub.AUDITOR_PASSWORD);
    }

    /** One run of the feed that rejects one person for a wrong check character; returns the run. */
    private RunRecord runRejectingOnePerson() {
        OpsHub.insert(OpsHub.badIdNumber(), "01");
        RunRecord run = feed().runNow();
        assertThat(run.rowsRejected()).isEqualTo(1);
        return run;
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        try (CSVParser p = CSVParser.parse(text, CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true)
                .build())) {
            return p.getRecords();
        }
    }

    @Test
    void aRunsCsvStartsWithTheUtf8ByteOrderMarkAndHasChineseHeaders() {
        RunRecord run = runRejectingOnePerson();

        ResponseEntity<byte[]> csv = viewer().getForEntity(
                url("/ops/exchange-log/runs/" + run.runId() + "/rejects?format=csv"), byte[].class);

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(Arrays.copyOf(csv.getBody(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv.getBody(), StandardCharsets.UTF_8)).contains("来源主键 source_key")
                .contains("问题说明 problems");
    }

    @Test
    void eachRejectCarriesItsReasonWithTheFieldAndAPlainChineseExplanation() throws Exception {
        RunRecord run = runRejectingOnePerson();

        List<CSVRecord> rows = csv(viewer().getForEntity(
                url("/ops/exchange-log/runs/" + run.runId() + "/rejects?format=csv"), byte[].class).getBody());

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("原因代码 reason_codes")).isEqualTo("INVALID_ID_NUMBER");
        assertThat(rows.get(0).get("问题说明 problems")).startsWith("id_number: INVALID_ID_NUMBER 公民身份号码校验位错误");
        assertThat(rows.get(0).get("状态 status")).isEqualTo("open");
    }

    @Test
    void personalValuesAreMaskedByDefault() {
        RunRecord run = runRejectingOnePerson();
        String id = state.rejections(run.runId()).get(0).rawForm().replaceAll(".*\"SFZH\":\"([0-9X]+)\".*", "$1");

        String csv = new String(viewer().getForEntity(
                url("/ops/exchange-log/runs/" + run.runId() + "/rejects?format=csv"), byte[].class).getBody(),
                StandardCharsets.UTF_8);

        assertThat(csv).doesNotContain(id).doesNotContain(OpsHub.NAME).doesNotContain(OpsHub.PHONE)
                .doesNotContain(OpsHub.ADDRESS);
    }

    @Test
    void readingInClearWithoutTheUnmaskRoleIsRefused() {
        RunRecord run = runRejectingOnePerson();

        ResponseEntity<String> refused = viewer().getForEntity(url("/ops/exchange-log/runs/" + run.runId()
                + "/rejects?format=csv&unmask=true&reason=check"), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theUnmaskRoleReadsInClearAndTheReadIsAudited() {
        RunRecord run = runRejectingOnePerson();

        String csv = new String(auditor().getForEntity(url("/ops/exchange-log/runs/" + run.runId()
                + "/rejects?format=csv&unmask=true&reason=工单 2026-118"), byte[].class).getBody(),
                StandardCharsets.UTF_8);

        assertThat(csv).contains(OpsHub.NAME);
        AuditEntry audit = state.auditTrail(1).get(0);
        assertThat(audit.principal()).isEqualTo(OpsHub.AUDITOR);
        assertThat(audit.action()).isEqualTo("rejects.unmask");
        assertThat(audit.target()).contains(run.runId());
        assertThat(audit.detail()).isEqualTo("工单 2026-118");
    }

    @Test
    void aRowTheDepartmentCorrectedIsDeliveredAndResolvesItsReject() throws Exception {
        long row = OpsHub.insert(OpsHub.badIdNumber(), "01");
        RunRecord rejected = feed().runNow();
        OpsHub.correct(row, OpsHub.idNumber(true));

        RunRecord corrected = feed().runNow();

        assertThat(corrected.rowsDelivered()).isEqualTo(1);
        List<CSVRecord> all = csv(viewer().getForEntity(url("/ops/exchange-log/runs/" + rejected.runId()
                + "/rejects?format=csv"), byte[].class).getBody());
        assertThat(all.get(0).get("状态 status")).isEqualTo("resolved");
        List<CSVRecord> open = csv(viewer().getForEntity(url("/ops/exchange-log/feeds/" + OpsHub.FEED
                + "/rejects?format=csv&status=open"), byte[].class).getBody());
        assertThat(open).noneMatch(r -> r.get("运行编号 run_id").equals(rejected.runId()));
    }

    @Test
    void theSpreadsheetHasTheSameColumnsAndOneRowPerReject() throws Exception {
        RunRecord run = runRejectingOnePerson();

        byte[] xlsx = viewer().getForEntity(url("/ops/exchange-log/runs/" + run.runId() + "/rejects?format=xlsx"),
                byte[].class).getBody();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("来源主键 source_key");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("INVALID_ID_NUMBER");
        }
    }

    @Test
    void jsonLinesGiveOneObjectPerReject() {
        RunRecord run = runRejectingOnePerson();

        String jsonl = viewer().getForEntity(url("/ops/exchange-log/runs/" + run.runId() + "/rejects?format=jsonl"),
                String.class).getBody();

        assertThat(jsonl.lines()).hasSize(1).allMatch(l -> l.startsWith("{\"runId\":\"" + run.runId() + "\""));
    }

    @Test
    void theRejectsCommandWritesTheFeedsOpenRejectsToAFile() throws Exception {
        RunRecord run = runRejectingOnePerson();
        Path out = HubTestSupport.tempDir("rejects-out").resolve("rk.csv");
        Path noRoutes = HubTestSupport.tempDir("kit-routes"); // the command starts no feed of its own
        Files.writeString(noRoutes.resolve("idle.yaml"), "- route:\n    id: kit-test.idle\n    from:\n"
                + "      uri: direct:idle\n      steps:\n        - log: idle\n");

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int exit = Kit.run(new String[] {"rejects", OpsHub.FEED, "--run", run.runId(), "--out", out.toString(),
                "--spring.datasource.url=" + OpsHub.STATE_DB_URL,
                "--hub.config-dir=" + OpsHub.CONFIG, "--hub.demo.enabled=false",
                "--camel.main.routes-include-pattern=file:" + noRoutes + "/*.yaml",
                "--hub.lake.root=" + HubTestSupport.tempDir("rejects-lake"),
                "--management.server.port=-1", "--spring.jmx.enabled=false"},
                start -> Kit.start(ExchangeHubApplication.class, start),
                new PrintStream(said, true, StandardCharsets.UTF_8), new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThat(exit).as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("1 all reject of " + OpsHub.FEED)
                .contains("personal values masked");
        List<CSVRecord> rows = csv(Files.readAllBytes(out));
        assertThat(rows).extracting(r -> r.get("运行编号 run_id")).containsExactly(run.runId());
        assertThat(new ArrayList<>(rows.get(0).toMap().values()).toString()).doesNotContain(OpsHub.NAME);
    }
}
