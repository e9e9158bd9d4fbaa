package org.exchangehub.mapping;

/**
 * A record mapped onto a dataset and valid: values aligned to {@code Dataset.fields()}, typed as the
 * field's {@link org.exchangehub.catalogue.FieldType} says (String, LocalDate, BigDecimal) or null.
 *
 * @param sourceKey  the record's key in the source system
 * @param values     the unified values in schema order
 * @param recordHash SHA-256 (lower-case hex) of the business fields in schema order
 * @param businessKey the business key values joined with {@code |}
 * @param warnings   how many fields were nulled with a warning (e.g. an unusable phone number)
 */
public record UnifiedRecord(String sourceKey, Object[] values, String recordHash, String businessKey, int warnings) {
}
