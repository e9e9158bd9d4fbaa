package org.exchangehub.mapping;

/** Why a record was rejected: the reason codes of the unified schema spec. */
public enum ReasonCode {
    MISSING_REQUIRED,
    INVALID_ID_NUMBER,
    INVALID_USCC,
    INVALID_DATE,
    INVALID_VALUE,
    UNKNOWN_CODE,
    BIRTH_DATE_MISMATCH,
    /** A line or element that cannot be parsed at all. */
    MALFORMED_RECORD
}
