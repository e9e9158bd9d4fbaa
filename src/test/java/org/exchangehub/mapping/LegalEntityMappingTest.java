package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import org.exchangehub.config.ConfigException;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.junit.jupiter.api.Test;

/** The market-regulation example mapping over rows of the demo table T_QYDJ. */
class LegalEntityMappingTest {

    private static final String USCC = "91350100M000100Y43";
    private final RecordMapper mapper = Fixtures.mapper(Path.of("config/mappings/market-regulation-enterprises.yaml"));
    private final Fixtures.Rows t = new Fixtures.Rows("ID", "TYSHXYDM", "QYMC", "FDDBR", "ZCZB", "CLRQ", "XZQH", "DJZT",
            "GXSJ");

    private SourceRecord row(String uscc, String capital, String date, String division, String status) {
        return t.row("1", 1L, uscc, "福州某某科技有限公司", "张三", capital, date, division, status,
                Timestamp.valueOf("2026-11-01 10:00:00"));
    }

    private UnifiedRecord accepted(SourceRecord r) {
        MappingResult result = mapper.map(r);
        assertThat(result.rejection()).isNull();
        return result.record();
    }

    private List<Violation> rejected(SourceRecord r) {
        MappingResult result = mapper.map(r);
        assertThat(result.isAccepted()).isFalse();
        return result.rejection().violations();
    }

    private Object value(UnifiedRecord u, String field) {
        return u.values()[mapper.dataset().indexOf(field)];
    }

    @Test
    void publishedCreditCodeMapsToAValidRecord() {
        UnifiedRecord u = accepted(row(USCC, "500", "20150601", "350102", "01"));
        assertThat(value(u, "uscc")).isEqualTo(USCC);
        assertThat(value(u, "status_code")).isEqualTo("1");
        assertThat(value(u, "established_date")).isEqualTo(LocalDate.of(2015, 6, 1));
        assertThat(u.businessKey()).isEqualTo(USCC);
        assertThat(u.sourceKey()).isEqualTo("1");
    }

    @Test
    void capitalInWanYuanIsScaledToYuanWithTwoDecimals() {
        assertThat(value(accepted(row(USCC, "1,200.5万", "20150601", null, "01")), "registered_capital_cny"))
                .isEqualTo(new BigDecimal("12005000.00"));
        assertThat(value(accepted(row(USCC, "500", "20150601", null, "01")), "registered_capital_cny"))
                .isEqualTo(new BigDecimal("5000000.00"));
    }

    @Test
    void blankCapitalIsNull() {
        assertThat(value(accepted(row(USCC, "  ", "20150601", null, "01")), "registered_capital_cny")).isNull();
    }

    @Test
    void negativeCapitalIsInvalidValue() {
        assertThat(rejected(row(USCC, "-5", "20150601", null, "01")))
                .containsExactly(new Violation("registered_capital_cny", ReasonCode.INVALID_VALUE, "is negative"));
    }

    @Test
    void capitalThatIsNotANumberIsInvalidValue() {
        assertThat(rejected(row(USCC, "五百万", "20150601", null, "01")))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("registered_capital_cny", ReasonCode.INVALID_VALUE));
    }

    @Test
    void isoDateIsAcceptedBesideTheMappingsPattern() {
        assertThat(value(accepted(row(USCC, null, "2015-06-01", null, "01")), "established_date"))
                .isEqualTo(LocalDate.of(2015, 6, 1));
    }

    @Test
    void establishedDateInTheFutureIsInvalidDate() {
        assertThat(rejected(row(USCC, null, "20261129", null, "01")))
                .containsExactly(new Violation("established_date", ReasonCode.INVALID_DATE, "is in the future"));
    }

    @Test
    void establishedTodayIsAccepted() {
        accepted(row(USCC, null, "20261128", null, "01"));
    }

    @Test
    void dateThatIsNotRealIsInvalidDate() {
        assertThat(rejected(row(USCC, null, "20150231", null, "01"))).extracting(Violation::reason)
                .containsExactly(ReasonCode.INVALID_DATE);
    }

    @Test
    void blankDivisionIsTakenFromTheCreditCode() {
        assertThat(value(accepted(row(USCC, null, null, "", "01")), "division_code")).isEqualTo("350100");
    }

    @Test
    void derivedDivisionUnknownToTheTableIsLeftNullWithAWarning() {
        UnifiedRecord u = accepted(row("91440399MA5D12345A", null, null, null, "01"));
        assertThat(value(u, "division_code")).isNull();
        assertThat(u.warnings()).isEqualTo(1);
    }

    @Test
    void divisionOfAnotherProvinceIsAccepted() {
        assertThat(value(accepted(row(USCC, null, null, "440305", "01")), "division_code")).isEqualTo("440305");
    }

    @Test
    void divisionDerivedFromAnotherProvincesCreditCodeIsKept() {
        // registered in 天山区, Ürümqi
        assertThat(value(accepted(row("91650102MA5D123451", null, null, null, "01")), "division_code")).isEqualTo("650102");
    }

    @Test
    void divisionUnknownToTheTableIsUnknownCode() {
        assertThat(rejected(row(USCC, null, null, "440399", "01"))).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("division_code", ReasonCode.UNKNOWN_CODE));
    }

    @Test
    void divisionNotSixDigitsIsUnknownCode() {
        assertThat(rejected(row(USCC, null, null, "3501", "01"))).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("not 6 digits"))
                .extracting(Violation::reason).isEqualTo(ReasonCode.UNKNOWN_CODE);
    }

    @Test
    void invalidCreditCodeIsInvalidUsccAndNoDivisionIsDerived() {
        assertThat(rejected(row("91350100M000100Y44", null, null, null, "01")))
                .containsExactly(new Violation("uscc", ReasonCode.INVALID_USCC, "check character is wrong"));
    }

    @Test
    void chineseStatusWordsMapWithoutATable() {
        assertThat(value(accepted(row(USCC, null, null, null, "在业")), "status_code")).isEqualTo("1");
        assertThat(value(accepted(row(USCC, null, null, null, "吊销")), "status_code")).isEqualTo("2");
        assertThat(value(accepted(row(USCC, null, null, null, "注销")), "status_code")).isEqualTo("3");
        assertThat(value(accepted(row(USCC, null, null, null, "迁出")), "status_code")).isEqualTo("4");
    }

    @Test
    void unmappedStatusIsUnknownCodeNamingTheValue() {
        assertThat(rejected(row(USCC, null, null, null, "99"))).singleElement()
                .satisfies(v -> assertThat(v.detail()).contains("'99'"))
                .extracting(Violation::field, Violation::reason)
                .containsExactly("status_code", ReasonCode.UNKNOWN_CODE);
    }

    @Test
    void missingStatusIsMissingRequired() {
        assertThat(rejected(row(USCC, null, null, null, " "))).singleElement()
                .extracting(Violation::field, Violation::reason)
                .containsExactly("status_code", ReasonCode.MISSING_REQUIRED);
    }

    @Test
    void everyFailingFieldIsReported() {
        assertThat(rejected(row("bad", "-1", "tomorrow", "12", "99"))).extracting(Violation::field)
                .containsExactly("uscc", "registered_capital_cny", "established_date", "division_code", "status_code");
    }

    @Test
    void rejectionKeepsTheRawSourceForm() {
        Rejection r = mapper.map(row(USCC, "-1", null, null, "01")).rejection();
        assertThat(r.rawForm()).contains("\"ZCZB\":\"-1\"").contains("\"TYSHXYDM\":\"" + USCC + "\"");
        assertThat(r.sourceKey()).isEqualTo("1");
    }

    @Test
    void recordHashIsSha256OfTheDocumentedEncoding() throws Exception {
        UnifiedRecord u = accepted(row(USCC, "500", "20150601", null, "01"));
        String encoded = String.join("\u001F", USCC, "福州某某科技有限公司", "张三", "5000000.00", "2015-06-01",
                "350100", "1");
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(encoded.getBytes(StandardCharsets.UTF_8));
        assertThat(u.recordHash()).isEqualTo(HexFormat.of().formatHex(sha));
    }

    @Test
    void aNullFieldIsHashedAsTheNullMark() throws Exception {
        UnifiedRecord u = accepted(row(USCC, null, "20150601", null, "01"));
        String encoded = String.join("\u001F", USCC, "福州某某科技有限公司", "张三", "\u0000", "2015-06-01",
                "350100", "1");
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(encoded.getBytes(StandardCharsets.UTF_8));
        assertThat(u.recordHash()).isEqualTo(HexFormat.of().formatHex(sha));
    }

    @Test
    void nullFieldsAreMarkedInTheHash() {
        UnifiedRecord withCapital = accepted(row(USCC, "0", null, null, "01"));
        UnifiedRecord without = accepted(row(USCC, null, null, null, "01"));
        assertThat(withCapital.recordHash()).isNotEqualTo(without.recordHash());
    }

    @Test
    void latestVersionOfABusinessKeyWinsBySourceOrder() {
        Fixtures.Rows noTime = new Fixtures.Rows("TYSHXYDM", "QYMC", "DJZT", "ZCZB", "CLRQ", "XZQH", "FDDBR", "GXSJ");
        MappedBatch b = mapper.mapAll(List.of(
                noTime.row("1", USCC, "旧名称", "01", null, null, null, null, null),
                noTime.row("2", "91350203MA2Y3K7P0Y", "厦门某某公司", "01", null, null, null, null, null),
                noTime.row("3", USCC, "新名称", "02", null, null, null, null, null)));
        assertThat(b.records()).extracting(UnifiedRecord::sourceKey).containsExactly("3", "2");
        assertThat(b.superseded()).isEqualTo(1);
    }

    @Test
    void laterChangeTimeWinsOverSourceOrder() {
        MappedBatch b = mapper.mapAll(List.of(
                t.row("1", 1L, USCC, "新名称", null, null, null, null, "01", Timestamp.valueOf("2026-11-02 00:00:00")),
                t.row("2", 2L, USCC, "旧名称", null, null, null, null, "01", Timestamp.valueOf("2026-11-01 00:00:00"))));
        assertThat(b.records()).singleElement().extracting(UnifiedRecord::sourceKey).isEqualTo("1");
    }

    @Test
    void batchKeepsEveryRejection() {
        MappedBatch b = mapper.mapAll(List.of(row(USCC, "-1", null, null, "01"), row(USCC, null, null, null, "01"),
                row("bad", null, null, null, "01")));
        assertThat(b.records()).hasSize(1);
        assertThat(b.rejections()).hasSize(2);
    }

    @Test
    void jdbcTypedValuesAreAccepted() {
        UnifiedRecord u = accepted(t.row("1", 1L, USCC, "某公司", null, new BigDecimal("12.5"),
                java.sql.Date.valueOf("2015-06-01"), 350102, 1, null));
        assertThat(value(u, "registered_capital_cny")).isEqualTo(new BigDecimal("125000.00"));
        assertThat(value(u, "established_date")).isEqualTo(LocalDate.of(2015, 6, 1));
        assertThat(value(u, "division_code")).isEqualTo("350102");
        assertThat(value(u, "status_code")).isEqualTo("1");
    }

    @Test
    void sourceWithoutAMappedColumnIsAConfigError() {
        SourceLayout missing = new SourceLayout(List.of("ID", "TYSHXYDM", "QYMC"));
        SourceRecord r = new SourceRecord("1", missing, new Object[] {1L, USCC, "x"});
        assertThatThrownBy(() -> mapper.map(r)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("market-regulation-enterprises.yaml: fields.legal_rep_name.from = 'FDDBR'")
                .hasMessageContaining("Fix: correct the column name");
    }

    @Test
    void columnNamesMatchIgnoringCase() {
        Fixtures.Rows lower = new Fixtures.Rows("tyshxydm", "qymc", "fddbr", "zczb", "clrq", "xzqh", "djzt", "gxsj");
        assertThat(mapper.map(lower.row("1", USCC, "某公司", null, null, null, null, "01", null)).isAccepted()).isTrue();
    }
}
