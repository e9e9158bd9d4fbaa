package org.exchangehub.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.List;

import org.exchangehub.feed.SourceRecord;
import org.junit.jupiter.api.Test;

/** A social security enrolment table mapped onto {@code social_insurance}: composite key, codes, defaults. */
class SocialInsuranceMappingTest {

    private static final String ID = "350203199003071519";
    private static final String EMPLOYER = "91350100M000100Y43";
    private final RecordMapper mapper = Fixtures.mapper(Fixtures.testMapping("social-security-enrolments"));
    private final Fixtures.Rows t = new Fixtures.Rows("GMSFHM", "XZLX", "DWTYXYDM", "CBRQ", "CBZT", "JFJS");

    private SourceRecord row(String type, String employer, String status, String base) {
        return t.row("e1", ID, type, employer, "2020/1/1", status, base);
    }

    private Object value(UnifiedRecord u, String field) {
        return u.values()[mapper.dataset().indexOf(field)];
    }

    private List<Violation> rejected(SourceRecord r) {
        MappingResult result = mapper.map(r);
        assertThat(result.isAccepted()).isFalse();
        return result.rejection().violations();
    }

    @Test
    void compositeBusinessKeyJoinsWithBarsAndKeepsAnEmptyEmployer() {
        assertThat(mapper.map(row("110", EMPLOYER, "1", "5000")).record().businessKey())
                .isEqualTo(ID + "|110|" + EMPLOYER);
        assertThat(mapper.map(row("310", null, "1", "5000")).record().businessKey()).isEqualTo(ID + "|310|");
    }

    @Test
    void insuranceTypeLabelMapsToItsCode() {
        assertThat(value(mapper.map(row("失业保险", EMPLOYER, "1", null)).record(), "insurance_type")).isEqualTo("210");
    }

    @Test
    void unknownInsuranceTypeIsUnknownCode() {
        assertThat(rejected(row("999", EMPLOYER, "1", null))).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("insurance_type", ReasonCode.UNKNOWN_CODE));
    }

    @Test
    void blankStatusTakesTheMappingsDefault() {
        assertThat(value(mapper.map(row("110", EMPLOYER, " ", null)).record(), "status_code")).isEqualTo("1");
    }

    @Test
    void contributionBaseIsScaledToTwoDecimals() {
        assertThat(value(mapper.map(row("110", EMPLOYER, "1", "4,800.5")).record(), "monthly_base_cny"))
                .isEqualTo(new BigDecimal("4800.50"));
    }

    @Test
    void negativeContributionBaseIsInvalidValue() {
        assertThat(rejected(row("110", EMPLOYER, "1", "-100"))).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("monthly_base_cny", ReasonCode.INVALID_VALUE));
    }

    @Test
    void contributionBaseBeyondThePrecisionIsInvalidValue() {
        // decimal(12,2) leaves 10 digits before the point
        assertThat(rejected(row("110", EMPLOYER, "1", "12345678901"))).extracting(Violation::reason)
                .containsExactly(ReasonCode.INVALID_VALUE);
    }

    @Test
    void invalidEmployerCodeIsInvalidUscc() {
        assertThat(rejected(row("110", "91350100M000100Y44", "1", null))).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("employer_uscc", ReasonCode.INVALID_USCC));
    }

    @Test
    void sameEnrolmentTwiceInABatchKeepsTheLatest() {
        MappedBatch b = mapper.mapAll(List.of(row("110", EMPLOYER, "1", "5000"), row("110", EMPLOYER, "2", "5000")));
        assertThat(b.records()).singleElement().satisfies(u -> assertThat(value(u, "status_code")).isEqualTo("2"));
        assertThat(b.superseded()).isEqualTo(1);
    }
}
