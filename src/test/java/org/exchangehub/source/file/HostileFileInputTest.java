package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchangehub.source.file.Persons.CHEN;
import static org.exchangehub.source.file.Persons.HEADER;
import static org.exchangehub.source.file.Persons.HUANG;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.source.HostileValues;
import org.exchangehub.state.QuarantineRecord;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values in a CSV drop, through the whole hub to the lake: injections, a megabyte and control characters
 * arrive byte-for-byte; bytes that are not GBK make their line a malformed reject and the other lines are delivered.
 */
class HostileFileInputTest extends LocalDropHubTest {

    /** Chen with {@code address} (quoted as CSV does) and Huang with an ordinary one, dropped as GBK. */
    private RunRecord runWithChensAddress(String address, String extra) throws Exception {
        String csv = HEADER + "\r\n" + CHEN + ",陈志明,男,19850312,350102,\"" + address.replace("\"", "\"\"") + "\",\r\n"
                + HUANG + ",黄丽娟,女,19921130,350502,福建省泉州市鲤城区温陵路7号,\r\n";
        Persons.drop(drop, "a.csv", csv, Persons.GBK);
        hub.start("file-drop:file?directory=" + drop + "&format=csv&charset=GBK" + extra);
        return hub.run();
    }

    private Map<String, Object> chenInTheLake() throws Exception {
        List<Map<String, Object>> rows = hub.lake();
        assertThat(rows).extracting(r -> r.get("_source_key")).containsExactly("a.csv:2", "a.csv:3");
        return rows.get(0);
    }

    @ParameterizedTest
    @MethodSource("org.exchangehub.source.HostileValues#text")
    void anInjectionInACsvValueArrivesInTheLakeByteForByte(String hostile) throws Exception {
        RunRecord run = runWithChensAddress(hostile, "");

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(chenInTheLake().get("address")).isEqualTo(hostile);
    }

    @Test
    void aMegabyteValueArrivesInTheLakeWholeAndTheOtherLineIsDelivered() throws Exception {
        String megabyte = HostileValues.megabyte();

        RunRecord run = runWithChensAddress(megabyte, "");

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsDelivered()).isEqualTo(2);
        assertThat(chenInTheLake().get("address")).isEqualTo(megabyte);
    }

    @Test
    void nulAndControlCharactersInACsvValueArriveInTheLakeAsDataAndTheOtherLineIsDelivered() throws Exception {
        RunRecord run = runWithChensAddress(HostileValues.CONTROLS, "");

        assertThat(run.rowsDelivered()).isEqualTo(2);
        assertThat(chenInTheLake().get("address")).isEqualTo(HostileValues.CONTROLS);
    }

    /** Persons.csv() with the bytes 0xFF 0x80 (no GBK character starts with 0xFF) inside Lin's name on line 3. */
    private static byte[] csvWithInvalidGbkInLine3() {
        String csv = Persons.csv();
        int at = csv.indexOf("林秀英") + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(csv.substring(0, at).getBytes(Persons.GBK));
        out.write(0xFF);
        out.write(0x80);
        out.writeBytes(csv.substring(at).getBytes(Persons.GBK));
        return out.toByteArray();
    }

    @Test
    void aLineWithBytesThatAreNotGbkIsAMalformedRejectNamingTheColumnAndTheOtherLinesAreDelivered() throws Exception {
        Files.write(drop.resolve("a.csv"), csvWithInvalidGbkInLine3());
        Files.writeString(drop.resolve("a.csv.ok"), "");
        hub.start("file-drop:file?directory=" + drop + "&format=csv&charset=GBK&maxMalformedPercent=50");

        RunRecord run = hub.run();

        assertThat(hub.lake()).extracting(r -> r.get("_source_key")).containsExactly("a.csv:2", "a.csv:4");
        QuarantineRecord reject = hub.store().rejections(run.runId()).get(0);
        assertThat(hub.store().rejections(run.runId())).hasSize(1);
        assertThat(reject.sourceKey()).isEqualTo("a.csv:3");
        assertThat(reject.violations()).singleElement().satisfies(v -> {
            assertThat(v.reason()).isEqualTo(ReasonCode.MALFORMED_RECORD);
            assertThat(v.field()).isEqualTo("XM");
            assertThat(v.detail()).contains("bytes that are not valid GBK");
        });
    }

    @Test
    void aFileWithTooManyLinesThatAreNotGbkIsSetAsideWithAReportAndDeliversNothing() throws Exception {
        Files.write(drop.resolve("a.csv"), csvWithInvalidGbkInLine3());
        Files.writeString(drop.resolve("a.csv.ok"), "");
        hub.start("file-drop:file?directory=" + drop + "&format=csv&charset=GBK"); // 1 of 3 > the default 5 %

        hub.run();

        assertThat(hub.lakeCount()).isZero();
        assertThat(Files.readString(drop.resolve("error/a.csv.report.txt"))).contains("verdict:  TOO_MANY_MALFORMED")
                .contains("line 3, XM: bytes that are not valid GBK").doesNotContain("林");
    }
}
