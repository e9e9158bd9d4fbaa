package org.exchangehub.mapping;

/**
 * One failing field of a record.
 *
 * @param field  the unified field (or source column for {@code MALFORMED_RECORD}) that failed
 * @param reason the spec's reason code
 * @param detail what was wrong, without the personal value itself
 */
public record Violation(String field, ReasonCode reason, String detail) {
}
