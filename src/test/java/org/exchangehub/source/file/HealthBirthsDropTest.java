package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.demo.PublicSecurityFtpServer;
import org.exchangehub.feed.DryRun;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.state.QuarantineRecord;
import org.exchangehub.state.RunRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A department the demo does not have: the health commission (卫健委) drops birth certificates (出生医学证明) as GBK
 * CSV with Chinese headers on its FTP server (Apache MINA). The certificate number is the records' source key; a
 * marker vouches for a file whose last line has no line end; a file set aside says why.
 */
class HealthBirthsDropTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String FEED = "health.births";
    private static final String HEADER = "出生医学证明编号,新生儿姓名,性别,出生日期,公民身份号码,户籍地行政区划代码";

    @TempDir
    Path tmp;

    private PublicSecurityFtpServer ftp;
    private TestHub hub;
    private Path drop;

    @BeforeEach
    void start() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("ftp"));
        drop = Files.createDirectories(home.resolve("births"));
        ftp = PublicSecurityFtpServer.start(0, home, "wjw", "Wjw-2026");
        hub = new TestHub(tmp.resolve("lake"), FEED, Path.of("src/test/resources/health/mappings"), "health-births");
    }

    @AfterEach
    void stop() {
        hub.close();
        ftp.close();
    }

    private String uri(String extra) {
        return "file-drop:ftp?host=127.0.0.1&port=" + ftp.port() + "&username=wjw&password=Wjw-2026&directory=/births"
                + "&format=csv&charset=GBK&include=BIRTHS_*.csv&sourceKey=出生医学证明编号&workDirectory="
                + tmp.resolve("work") + extra;
    }

    /** A birth on 2026-11-0{n}: certificate Q3501002611000{n}, its ID number from the birth date. */
    private static String birth(int n) {
        String first17 = "350102202611" + String.format("%02d", n) + "00" + (n % 10);
        return "Q35010026110" + String.format("%02d", n) + ",新生儿" + n + "," + (n % 2 == 1 ? "男" : "女")
                + ",2026-11-" + String.format("%02d", n) + "," + Persons.id(first17) + ",350102";
    }

    private static String csv(String... lines) {
        return HEADER + "\r\n" + String.join("\r\n", lines);
    }

    @Test
    void theCertificateNumberIsTheSourceKeyInTheLake() throws Exception {
        Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1), birth(2)) + "\r\n", GBK);
        hub.start(uri(""));

        hub.run();

        assertThat(hub.lake()).extracting(r -> r.get("_source_key")).containsExactly("Q3501002611001", "Q3501002611002");
    }

    @Test
    void aRejectCarriesTheCertificateNumberAndKeepsFileAndLine() throws Exception {
        String badId = birth(2).replace(",350102202611", ",350102202613"); // month 13: no real birth date
        Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1), badId) + "\r\n", GBK);
        hub.start(uri(""));

        RunRecord run = hub.run();

        assertThat(hub.store().rejections(run.runId())).singleElement().satisfies(r -> {
            assertThat(r.sourceKey()).isEqualTo("Q3501002611002");
            assertThat(r.rawForm()).contains("\"_file_line\":\"BIRTHS_1.csv:3\"");
        });
    }

    @Test
    void aRecordWithABlankCertificateNumberIsMissingRequiredAtItsFileAndLine() throws Exception {
        Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1), birth(2).replace("Q3501002611002", " ")) + "\r\n", GBK);
        hub.start(uri(""));

        RunRecord run = hub.run();

        assertThat(run.rowsDelivered()).isEqualTo(1);
        QuarantineRecord reject = hub.store().rejections(run.runId()).get(0);
        assertThat(reject.sourceKey()).isEqualTo("BIRTHS_1.csv:3");
        assertThat(reject.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.MISSING_REQUIRED);
            assertThat(v.field()).isEqualTo("出生医学证明编号");
        });
    }

    @Test
    void aFileWhoseHeaderLostAMappedColumnIsSetAsideNamingTheColumnTheMappingAndTheFix() throws Exception {
        Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1)).replace(",户籍地行政区划代码", "").replace(",350102", "")
                + "\r\n", GBK);
        hub.start(uri(""));

        RunRecord run = hub.run();

        assertThat(hub.lakeCount()).isZero();
        assertThat(run.receipt()).contains("file BIRTHS_1.csv set aside (MISSING_COLUMN): the file's header has no"
                + " column 户籍地行政区划代码 (division_code) that mapping health-births reads")
                .contains("health-births.yaml map the field from the column that replaced it");
        assertThat(drop.resolve("error/BIRTHS_1.csv")).exists();
    }

    @Test
    void aFileOverMaxFileSizeIsSetAsideUnreadAndTheRunDeliversTheOthers() throws Exception {
        StringBuilder big = new StringBuilder(HEADER).append("\r\n");
        for (int n = 1; big.length() < 3000; n++) {
            big.append(birth(n % 28 + 1)).append("\r\n");
        }
        Persons.drop(drop, "BIRTHS_1.csv", big.toString(), GBK);
        Persons.drop(drop, "BIRTHS_2.csv", csv(birth(3)) + "\r\n", GBK);
        hub.start(uri("&maxFileSize=2KB"));

        RunRecord run = hub.run();

        assertThat(hub.lake()).extracting(r -> r.get("_source_key")).containsExactly("Q3501002611003");
        assertThat(run.receipt()).contains("file BIRTHS_1.csv set aside (TOO_LARGE): the file has")
                .contains("more than the 2048 bytes the feed reads");
        assertThat(drop.resolve("error/BIRTHS_1.csv")).exists();
        assertThat(Files.readString(drop.resolve("error/BIRTHS_1.csv.report.txt"))).contains("rule:     maxFileSize: 2KB");
    }

    @Test
    void aFileWithoutTheKeyColumnIsSetAsideNamingItsColumns() throws Exception {
        Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1)).replace("出生医学证明编号", "证明编号") + "\r\n", GBK);
        hub.start(uri(""));

        RunRecord run = hub.run();

        assertThat(hub.lakeCount()).isZero();
        assertThat(run.receipt()).contains("file BIRTHS_1.csv set aside (NO_KEY_COLUMN): the file has no column"
                + " 出生医学证明编号 for the source key; its columns are [证明编号, 新生儿姓名");
        assertThat(drop.resolve("error/BIRTHS_1.csv")).exists();
    }

    @Test
    void theRunsLogLineSaysWhyAFileWasSetAside() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.exchangehub.feed.FeedConsumer.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1)).replace("出生医学证明编号", "证明编号") + "\r\n", GBK);
            hub.start(uri(""));

            RunRecord run = hub.run();

            assertThat(lines.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).startsWith("feed " + FEED + " run " + run.runId() + " SUCCEEDED")
                            .contains("file BIRTHS_1.csv set aside (NO_KEY_COLUMN)").contains("rule: sourceKey"));
        } finally {
            log.detachAppender(lines);
        }
    }

    @Test
    void withItsMarkerALastLineWithoutLineEndIsARecord() throws Exception {
        Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1), birth(2), birth(3)), GBK); // no CRLF after the last line
        hub.start(uri(""));

        RunRecord run = hub.run();

        assertThat(run.rowsDelivered()).isEqualTo(3);
        assertThat(hub.lake()).extracting(r -> r.get("_source_key")).contains("Q3501002611003");
    }

    @Test
    void withItsMarkerAnUnparsableLastLineIsMalformedAtItsFileAndLineAndTheRestDelivered() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            lines.add(birth(n));
        }
        lines.add("Q3501002611010,新生儿10,男,2026-11"); // cut off: too few fields, no line end
        Persons.drop(drop, "BIRTHS_1.csv", csv(lines.toArray(String[]::new)), GBK);
        hub.start(uri("&maxMalformedPercent=20"));

        RunRecord run = hub.run();

        assertThat(run.rowsDelivered()).isEqualTo(9);
        assertThat(hub.store().rejections(run.runId())).singleElement().satisfies(r -> {
            assertThat(r.sourceKey()).isEqualTo("BIRTHS_1.csv:11");
            assertThat(r.violations()).extracting(v -> v.reason()).containsExactly(ReasonCode.MALFORMED_RECORD);
        });
    }

    @Test
    void withoutAMarkerAFileWhoseLastLineHasNoLineEndIsSetAsideAndTheRunSaysWhy() throws Exception {
        Path file = drop.resolve("BIRTHS_1.csv");
        Persons.write(file, csv(birth(1), birth(2)), GBK);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
        hub.start(uri("&readyWhen=stable&minAge=5m"));

        hub.run(); // first sight: the size is not yet known to hold
        RunRecord run = hub.run();

        assertThat(hub.lakeCount()).isZero();
        assertThat(run.receipt()).contains("file BIRTHS_1.csv set aside (TRUNCATED): the last line has no line end")
                .contains("rule: readyWhen: stable").contains("requireFinalNewline: false");
        assertThat(Files.readString(drop.resolve("error/BIRTHS_1.csv.report.txt"))).contains("rule:     readyWhen: stable");
    }

    @Test
    void aDryRunSaysWhyTheFileWouldBeSetAsideAndLeavesItInPlace() throws Exception {
        Persons.drop(drop, "BIRTHS_1.csv", csv(birth(1)).replace("出生医学证明编号", "证明编号") + "\r\n", GBK);
        hub.start(uri(""));

        DryRun dry = hub.consumer().dryRun(20);

        assertThat(dry.read()).isZero();
        assertThat(dry.notes()).singleElement().asString().startsWith("file BIRTHS_1.csv set aside (NO_KEY_COLUMN)");
        assertThat(drop.resolve("BIRTHS_1.csv")).exists();
        assertThat(drop.resolve("error")).doesNotExist();
    }
}
