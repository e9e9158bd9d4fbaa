package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.List;

import org.exchangehub.feed.SourceRecord;
import org.junit.jupiter.api.Test;

/** A public security population table mapped onto {@code person}: derivation from the ID, sex, phone, text. */
class PersonMappingTest {

    private static final String ID = "11010519491231002X"; // published example: female, born 1949-12-31
    private final RecordMapper mapper = Fixtures.mapper(Fixtures.testMapping("public-security-persons"));
    private final Fixtures.Rows t = new Fixtures.Rows("SFZH", "XM", "XB", "CSRQ", "HJ_XZQH", "ZZ", "SJHM");

    private SourceRecord row(String id, String name, String sex, String birth, String phone) {
        return t.row("p1", id, name, sex, birth, "110105", "北京市朝阳区某街道1号", phone);
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
    void sexAndBirthDateAreDerivedFromThePublishedExampleId() {
        UnifiedRecord u = accepted(row(ID, "王五", null, null, null));
        assertThat(value(u, "sex_code")).isEqualTo("2");
        assertThat(value(u, "birth_date")).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(u.businessKey()).isEqualTo(ID);
    }

    @Test
    void legacyIdIsUpgradedInTheRecord() {
        assertThat(value(accepted(row("110105491231002", "王五", null, null, null)), "id_number")).isEqualTo(ID);
    }

    @Test
    void fullWidthNameIsFoldedAndSpacesCollapsed() {
        assertThat(value(accepted(row(ID, "　ＷＡＮＧ　　Ｗｕ ", null, null, null)), "name")).isEqualTo("WANG Wu");
    }

    @Test
    void invalidIdIsRejectedWithoutTheValueInTheDetail() {
        List<Violation> v = rejected(row("110105194912310021", "王五", null, null, null));
        assertThat(v).containsExactly(new Violation("id_number", ReasonCode.INVALID_ID_NUMBER, "check character is wrong"));
        assertThat(v.get(0).detail()).doesNotContain("110105");
    }

    @Test
    void nothingIsDerivedFromAnInvalidId() {
        // sex and birth date are absent and would come from the ID; only the ID is the reason
        assertThat(rejected(row("110105194902300021", "王五", null, null, null))).extracting(Violation::field)
                .containsExactly("id_number");
    }

    @Test
    void missingIdIsMissingRequired() {
        assertThat(rejected(row("  ", "王五", "1", "1949-12-31", null)))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("id_number", ReasonCode.MISSING_REQUIRED));
    }

    @Test
    void everyFailingFieldOfOneRecordIsReported() {
        assertThat(rejected(row("12345", " ", "X", "1949-13-01", null)))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("id_number", ReasonCode.INVALID_ID_NUMBER),
                        tuple("name", ReasonCode.MISSING_REQUIRED),
                        tuple("sex_code", ReasonCode.UNKNOWN_CODE),
                        tuple("birth_date", ReasonCode.INVALID_DATE));
    }

    @Test
    void birthDateThatDiffersFromTheIdIsAMismatch() {
        assertThat(rejected(row(ID, "王五", null, "1949-12-30", null)))
                .extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("birth_date", ReasonCode.BIRTH_DATE_MISMATCH));
    }

    @Test
    void birthDateThatAgreesWithTheIdIsAcceptedInTheMappingsFormat() {
        assertThat(value(accepted(row(ID, "王五", null, "31.12.1949", null)), "birth_date"))
                .isEqualTo(LocalDate.of(1949, 12, 31));
    }

    @Test
    void sourceSexThatDisagreesWithTheIdIsKept() {
        assertThat(value(accepted(row(ID, "王五", "男", null, null)), "sex_code")).isEqualTo("1");
    }

    @Test
    void departmentSexCodesMapThroughTheTable() {
        assertThat(value(accepted(row(ID, "王五", "02", null, null)), "sex_code")).isEqualTo("2");
    }

    @Test
    void unusablePhoneIsNulledWithAWarningAndTheRecordDelivered() {
        UnifiedRecord u = accepted(row(ID, "王五", null, null, "0591-87654321"));
        assertThat(value(u, "phone")).isNull();
        assertThat(u.warnings()).isEqualTo(1);
        assertThat(mapper.mapAll(List.of(row(ID, "王五", null, null, "12"))).warnings()).isEqualTo(1);
    }

    @Test
    void phoneIsNormalised() {
        assertThat(value(accepted(row(ID, "王五", null, null, "+86 138-0591-1234")), "phone")).isEqualTo("13805911234");
    }
}
