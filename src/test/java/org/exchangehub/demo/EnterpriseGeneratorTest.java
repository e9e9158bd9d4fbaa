package org.exchangehub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.exchangehub.mapping.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnterpriseGeneratorTest {

    private static final int ROWS = 3_000;
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Set<String> KNOWN_STATUSES = Set.of("01", "02", "03", "04", "存续", "在业", "吊销", "注销");

    private final EnterpriseGenerator generator = new EnterpriseGenerator(42);
    private final List<EnterpriseRow> rows = generator.rows(1, ROWS).toList();

    @Test
    void independentCheckAcceptsPublishedCreditCodes() {
        // the example of GB 32100-2015 itself, and a real enterprise's code
        assertThat(Gb32100.isValid("91350100M000100Y43")).isTrue();
        assertThat(Gb32100.isValid("9144030071526726XG")).isTrue();
        assertThat(Gb32100.isValid("91350100M000100Y44")).isFalse();
    }

    @Test
    void checkCharacterMatchesPublishedCreditCodes() {
        assertThat(EnterpriseGenerator.usccCheckChar("91350100M000100Y4")).isEqualTo('3');
        assertThat(EnterpriseGenerator.usccCheckChar("9144030071526726X")).isEqualTo('G');
    }

    @Test
    void deliverableRowsCarryValidFujianEnterpriseCreditCodes() {
        List<String> divisions = EnterpriseGenerator.divisionCodes();
        assertThat(rows).filteredOn(EnterpriseRow::expectedValid).isNotEmpty().allSatisfy(row -> {
            assertThat(Gb32100.isValid(row.tyshxydm())).as("credit code of row %d", row.id()).isTrue();
            assertThat(row.tyshxydm()).startsWith("91");
            assertThat(divisions).contains(row.tyshxydm().substring(2, 8));
        });
    }

    @Test
    void creditCodesOfDifferentRowsDiffer() {
        Set<String> seen = new HashSet<>();
        generator.rows(1, 200_000)
                .filter(row -> row.kind() == RowKind.CLEAN)
                .forEach(row -> assertThat(seen.add(row.tyshxydm())).as("row %d", row.id()).isTrue());
    }

    @Test
    void aboutFivePercentOfRowsAreDirty() {
        long dirty = rows.stream().filter(row -> !row.expectedValid()).count();
        assertThat(dirty).isBetween((long) (ROWS * 0.04), (long) (ROWS * 0.06));
    }

    @Test
    void everyKindOccursInThreeThousandRows() {
        Map<RowKind, Integer> counts = new EnumMap<>(RowKind.class);
        rows.forEach(row -> counts.merge(row.kind(), 1, Integer::sum));
        assertThat(counts).containsOnlyKeys(RowKind.values());
    }

    @Test
    void sameSeedGivesSameRows() {
        assertThat(new EnterpriseGenerator(42).rows(1, ROWS).toList()).isEqualTo(rows);
    }

    @Test
    void differentSeedGivesDifferentRows() {
        List<EnterpriseRow> other = new EnterpriseGenerator(43).rows(1, 100).toList();
        assertThat(other).doesNotContainAnyElementsOf(rows.subList(0, 100));
    }

    @Test
    void aRowCanBeRegeneratedByItsId() {
        assertThat(generator.row(1_234)).isEqualTo(rows.get(1_233));
    }

    @Test
    void cleanRowsAreWellFormed() {
        assertThat(rows).filteredOn(row -> row.kind() == RowKind.CLEAN).allSatisfy(row -> {
            assertThat(row.qymc()).matches("[\\p{IsHan}（）]+(公司|（有限合伙）)");
            assertThat(row.fddbr()).matches("\\p{IsHan}{2,4}");
            assertThat(KNOWN_STATUSES).contains(row.djzt());
            assertThat(date(row.clrq())).isBetween(LocalDate.of(1990, 1, 1), LocalDate.of(2025, 12, 31));
            assertThat(capital(row.zczb())).satisfiesAnyOf(
                    capital -> assertThat(capital).isNull(),
                    capital -> assertThat(capital).isPositive());
            assertThat(row.xzqh()).satisfiesAnyOf(
                    xzqh -> assertThat(xzqh).isNullOrEmpty(),
                    xzqh -> assertThat(xzqh).isEqualTo(row.tyshxydm().substring(2, 8)));
        });
    }

    @Test
    void fullWidthRowsAreDeliverableAndCarryFullWidthText() {
        assertThat(rows).filteredOn(row -> row.kind() == RowKind.FULL_WIDTH).isNotEmpty().allSatisfy(row -> {
            assertThat(row.expectedValid()).isTrue();
            assertThat(row.expectedReasons()).isEmpty();
            assertThat(row.qymc() + row.zczb()).matches(".*[\\uFF10-\\uFF19\\uFF21-\\uFF3A].*");
            assertThat(Gb32100.isValid(row.tyshxydm())).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(value = RowKind.class, names = {"CLEAN", "FULL_WIDTH"}, mode = EnumSource.Mode.EXCLUDE)
    void dirtyRowsCarryExactlyTheirDefect(RowKind kind) {
        List<EnterpriseRow> ofKind = rows.stream().filter(row -> row.kind() == kind).toList();
        assertThat(ofKind).isNotEmpty().allSatisfy(row -> {
            assertThat(row.expectedValid()).isFalse();
            assertThat(row.expectedReasons()).containsExactly(reason(kind));
            assertThat(hasDefect(row, kind)).as("row %d shows its defect", row.id()).isTrue();
            for (RowKind other : RowKind.values()) {
                if (other.dirty() && other != kind && other.expectedField().equals(kind.expectedField())) {
                    continue; // a wrong credit code is also not another kind of wrong credit code
                }
                if (other.dirty() && other != kind) {
                    assertThat(hasDefect(row, other)).as("row %d also shows %s", row.id(), other).isFalse();
                }
            }
        });
    }

    @Test
    void aCleanShareOfZeroGivesOnlyDeliverableRows() {
        assertThat(new EnterpriseGenerator(7, 0).rows(1, ROWS)).allMatch(EnterpriseRow::expectedValid);
    }

    @Test
    void anImpossibleDirtyShareIsRefused() {
        assertThatThrownBy(() -> new EnterpriseGenerator(7, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dirtyShare");
    }

    @Test
    void rowsDoNotShowPersonalValuesWhenPrinted() {
        EnterpriseRow row = rows.get(0);
        assertThat(row.toString()).doesNotContain(row.qymc(), row.fddbr(), row.tyshxydm());
    }

    private static ReasonCode reason(RowKind kind) {
        return switch (kind) {
            case USCC_WRONG_CHECK_CHAR, USCC_FORBIDDEN_LETTER, USCC_WRONG_LENGTH -> ReasonCode.INVALID_USCC;
            case USCC_BLANK, NAME_BLANK -> ReasonCode.MISSING_REQUIRED;
            case STATUS_UNKNOWN -> ReasonCode.UNKNOWN_CODE;
            case DATE_IMPOSSIBLE, DATE_FUTURE -> ReasonCode.INVALID_DATE;
            case CAPITAL_NEGATIVE -> ReasonCode.INVALID_VALUE;
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    /** Whether the row shows the defect, judged from the row's text alone. */
    private static boolean hasDefect(EnterpriseRow row, RowKind kind) {
        String uscc = row.tyshxydm();
        return switch (kind) {
            case USCC_WRONG_CHECK_CHAR -> uscc != null && uscc.matches("[0-9A-HJ-NPQRTUWXY]{18}")
                    && !Gb32100.isValid(uscc);
            case USCC_FORBIDDEN_LETTER -> uscc != null && uscc.length() == 18 && uscc.matches(".*[IOSVZ].*");
            case USCC_WRONG_LENGTH -> uscc != null && !uscc.isBlank() && uscc.length() != 18;
            case USCC_BLANK -> uscc == null || uscc.isBlank();
            case NAME_BLANK -> row.qymc() == null || row.qymc().isBlank();
            case STATUS_UNKNOWN -> !KNOWN_STATUSES.contains(row.djzt());
            case DATE_IMPOSSIBLE -> date(row.clrq()) == null;
            case DATE_FUTURE -> date(row.clrq()) != null && date(row.clrq()).isAfter(LocalDate.now());
            case CAPITAL_NEGATIVE -> capital(row.zczb()) != null && capital(row.zczb()).signum() < 0;
            default -> false;
        };
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text, text.contains("-") ? ISO : COMPACT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The capital in 万元 after folding full-width digits, or null when blank. */
    private static BigDecimal capital(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        StringBuilder folded = new StringBuilder();
        for (char c : text.strip().toCharArray()) {
            if (c >= '０' && c <= '９') {
                folded.append((char) (c - '０' + '0'));
            } else if (c != ',') {
                folded.append(c);
            }
        }
        String number = folded.toString().replace("万元", "").replace("万", "");
        return new BigDecimal(number);
    }
}
