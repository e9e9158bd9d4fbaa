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
 * @param changeTime the source's change time of the record (lineage {@code _change_time}) as the department's
 *                   clock shows it, or null where the feed has none or the value is no date-time
 */
public record UnifiedRecord(String sourceKey, Object[] values, String recordHash, String businessKey, int warnings,
        java.time.LocalDateTime changeTime) {

    /** A record without a change time. */
    public UnifiedRecord(String sourceKey, Object[] values, String recordHash, String businessKey, int warnings) {
        this(sourceKey, values, recordHash, businessKey, warnings, null);
    }
}
