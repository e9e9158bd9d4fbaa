package org.exchangehub.demo;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.exchangehub.mapping.ReasonCode;

/**
 * What the generator did to a row: clean, a harmless quirk the hub must fold ({@link #FULL_WIDTH}), or one
 * known defect. Each kind says whether the hub should deliver the row and, if not, which reason code it must
 * report on which unified field, so tests can predict the lake and the quarantine exactly.
 */
public enum RowKind {
    /** A well-formed row in one of the department's usual spellings. */
    CLEAN(null, null),
    /** Full-width letters in the name or full-width digits in the capital: folded, then delivered. */
    FULL_WIDTH(null, null),
    /** Eighteen characters from the allowed set, but the GB 32100 check character is wrong. */
    USCC_WRONG_CHECK_CHAR("uscc", ReasonCode.INVALID_USCC),
    /** One of the letters GB 32100 forbids (I, O, S, V, Z) inside the code. */
    USCC_FORBIDDEN_LETTER("uscc", ReasonCode.INVALID_USCC),
    /** A code that is not 18 characters long (a truncated code or a legacy 15-digit registration number). */
    USCC_WRONG_LENGTH("uscc", ReasonCode.INVALID_USCC),
    /** The credit code is null, empty or whitespace. */
    USCC_BLANK("uscc", ReasonCode.MISSING_REQUIRED),
    /** The enterprise name is null, empty or whitespace. */
    NAME_BLANK("name", ReasonCode.MISSING_REQUIRED),
    /** A status code the department's code table does not know (e.g. {@code 99}). */
    STATUS_UNKNOWN("status_code", ReasonCode.UNKNOWN_CODE),
    /** An established date that is not a calendar date (e.g. {@code 20230230}). */
    DATE_IMPOSSIBLE("established_date", ReasonCode.INVALID_DATE),
    /** An established date in the future. */
    DATE_FUTURE("established_date", ReasonCode.INVALID_DATE),
    /** A negative registered capital. */
    CAPITAL_NEGATIVE("registered_capital_cny", ReasonCode.INVALID_VALUE);

    private final String field;
    private final Set<ReasonCode> reasons;

    RowKind(String field, ReasonCode reason) {
        this.field = field;
        this.reasons = reason == null
                ? Collections.emptySet()
                : Collections.unmodifiableSet(EnumSet.of(reason));
    }

    /** Whether the hub should deliver a row of this kind. */
    public boolean expectedValid() {
        return reasons.isEmpty();
    }

    /** The reason codes the hub should report for a row of this kind; empty for a valid kind. */
    public Set<ReasonCode> expectedReasons() {
        return reasons;
    }

    /** The unified {@code legal_entity} field that fails, or {@code null} for a valid kind. */
    public String expectedField() {
        return field;
    }

    /** Whether this kind is a defect the hub must reject. */
    public boolean dirty() {
        return !expectedValid();
    }
}
