package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.exchangehub.feed.SourceRecord;
import org.junit.jupiter.api.Test;

/**
 * A department's code table is closed: a value that is not one of its keys is {@code UNKNOWN_CODE}, even when it
 * happens to be a standard code or label word, unless the mapping says {@code standard_codes: accept}.
 */
class ClosedCodeTableTest {

    private static final String USCC = "91350100M000100Y43";
    private static final Fixtures.Rows TAX = new Fixtures.Rows("ID", "NSRSBH", "NSRMC", "FDDBRXM", "ZCZB", "KYRQ",
            "NSRZTDM", "XGSJ");

    private final RecordMapper closed = Fixtures.mapper(Path.of("src/test/resources/tax/mappings/tax-taxpayers.yaml"));
    private final RecordMapper open = Fixtures.mapper(Path.of("src/test/resources/tax/mappings/tax-taxpayers-open.yaml"));

    private static SourceRecord taxpayer(String status) {
        return TAX.row("1", 1L, USCC, "福州税务示例有限公司", "陈一", "100", "20100101", status, null);
    }

    private static Object status(RecordMapper mapper, SourceRecord r) {
        MappingResult result = mapper.map(r);
        assertThat(result.rejection()).as("rejection").isNull();
        return result.record().values()[mapper.dataset().indexOf("status_code")];
    }

    private static Violation onlyViolation(RecordMapper mapper, SourceRecord r) {
        MappingResult result = mapper.map(r);
        assertThat(result.isAccepted()).isFalse();
        assertThat(result.rejection().violations()).hasSize(1);
        return result.rejection().violations().get(0);
    }

    @Test
    void departmentCodeMapsThroughItsTable() {
        assertThat(status(closed, taxpayer("05"))).isEqualTo("3");
    }

    @Test
    void standardCodeThatIsNotInTheDepartmentsTableIsUnknownCode() {
        Violation v = onlyViolation(closed, taxpayer("3"));

        assertThat(v.field()).isEqualTo("status_code");
        assertThat(v.reason()).isEqualTo(ReasonCode.UNKNOWN_CODE);
        assertThat(v.detail()).contains("'3'").contains("code table").contains("standard_codes: accept");
    }

    @Test
    void standardLabelWordThatIsNotInTheDepartmentsTableIsUnknownCode() {
        assertThat(onlyViolation(closed, taxpayer("注销")).reason()).isEqualTo(ReasonCode.UNKNOWN_CODE);
    }

    @Test
    void departmentCodeNeverAgreedIsUnknownCode() {
        assertThat(onlyViolation(closed, taxpayer("07")).reason()).isEqualTo(ReasonCode.UNKNOWN_CODE);
    }

    @Test
    void standardCodesAreAcceptedWhenTheMappingSaysSo() {
        assertThat(status(open, taxpayer("3"))).isEqualTo("3");
        assertThat(status(open, taxpayer("注销"))).isEqualTo("3");
    }

    @Test
    void departmentTableWinsOverAStandardCodeWhenBothAreAccepted() {
        assertThat(status(open, taxpayer("03"))).isEqualTo("1");
    }

    @Test
    void withoutACodeTableTheStandardCodesAreAccepted() {
        RecordMapper noTable = Fixtures.mapper(Path.of("config/mappings/civil-affairs-persons.yaml"));
        Fixtures.Rows rows = new Fixtures.Rows("rkbm", "sfzh", "xm", "xb", "csrq", "hjdz.xzqh", "hjdz.dz", "lxdh", "gxsj");
        SourceRecord r = rows.row("RK1", "RK1", "11010519491231002X", "张三", "女", null, "110105", null, null, null);

        MappingResult result = noTable.map(r);

        assertThat(result.rejection()).isNull();
        assertThat(result.record().values()[noTable.dataset().indexOf("sex_code")]).isEqualTo("2");
    }

    @Test
    void closedSexCodeTableDoesNotFallBackToTheStandardWordsOrTheIdNumber() throws Exception {
        Path file = Files.createTempDirectory("closed-sex").resolve("health-persons.yaml");
        Files.writeString(file, """
                dataset: person
                source: health
                fields:
                  id_number: { from: SFZH }
                  name:      { from: XM }
                  sex_code:  { from: XB, codes: { "1": "1", "2": "2" } }
                """);
        RecordMapper sexTable = Fixtures.mapper(file);
        Fixtures.Rows rows = new Fixtures.Rows("SFZH", "XM", "XB");

        MappingResult result = sexTable.map(rows.row("L1", "11010519491231002X", "李四", "女"));

        assertThat(result.isAccepted()).isFalse();
        assertThat(result.rejection().violations()).extracting(Violation::field, Violation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("sex_code", ReasonCode.UNKNOWN_CODE));
    }
}
