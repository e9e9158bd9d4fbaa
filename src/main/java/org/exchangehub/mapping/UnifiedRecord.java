package org.exchangehub.mapping;

import java.time.LocalDateTime;

/**
 * A record mapped onto a dataset and valid: values aligned to {@code Dataset.fields()}, typed as the
 * field's {@link org.exchangehub.catalogue.FieldType} says (String, LocalDate, BigDecimal) or null.
 * <p>The record hash (SHA-256 of the business fields in schema order) is kept as the mapper made it, as 32 bytes,
 * and shown as lower-case hex where a sink or the state store needs text ({@link #recordHash()}); the lake writes
 * the bytes as they are ({@link #recordHashBytes()}). A record made with a hex hash keeps that text.
 */
public final class UnifiedRecord {

    private final String sourceKey;
    private final Object[] values;
    private final byte[] hashBytes;
    private String hashHex; // derived once from the bytes where text is asked for; racy but idempotent
    private final String businessKey;
    private final int warnings;
    private final LocalDateTime changeTime;

    /**
     * @param sourceKey   the record's key in the source system
     * @param values      the unified values in schema order
     * @param recordHash  SHA-256 (lower-case hex) of the business fields in schema order
     * @param businessKey the business key values joined with {@code |}
     * @param warnings    how many fields were nulled with a warning (e.g. an unusable phone number)
     * @param changeTime  the source's change time of the record (lineage {@code _change_time}) as the department's
     *                    clock shows it, or null where the feed has none or the value is no date-time
     */
    public UnifiedRecord(String sourceKey, Object[] values, String recordHash, String businessKey, int warnings,
            LocalDateTime changeTime) {
        this(sourceKey, values, null, recordHash, businessKey, warnings, changeTime);
    }

    /** A record without a change time. */
    public UnifiedRecord(String sourceKey, Object[] values, String recordHash, String businessKey, int warnings) {
        this(sourceKey, values, recordHash, businessKey, warnings, null);
    }

    private UnifiedRecord(String sourceKey, Object[] values, byte[] hashBytes, String hashHex, String businessKey,
            int warnings, LocalDateTime changeTime) {
        this.sourceKey = sourceKey;
        this.values = values;
        this.hashBytes = hashBytes;
        this.hashHex = hashHex;
        this.businessKey = businessKey;
        this.warnings = warnings;
        this.changeTime = changeTime;
    }

    /** A record whose hash is the 32 bytes of its SHA-256 (the array is kept, not copied: the caller lets go of it). */
    public static UnifiedRecord hashed(String sourceKey, Object[] values, byte[] sha256, String businessKey,
            int warnings, LocalDateTime changeTime) {
        return new UnifiedRecord(sourceKey, values, sha256, null, businessKey, warnings, changeTime);
    }

    /** The same record with other values (e.g. its personal fields protected), hash and key unchanged. */
    public UnifiedRecord withValues(Object[] otherValues, String otherBusinessKey) {
        return new UnifiedRecord(sourceKey, otherValues, hashBytes, hashHex, otherBusinessKey, warnings, changeTime);
    }

    public String sourceKey() {
        return sourceKey;
    }

    public Object[] values() {
        return values;
    }

    /** SHA-256 (lower-case hex) of the business fields in schema order, or null. */
    public String recordHash() {
        String hex = hashHex;
        if (hex == null && hashBytes != null) {
            hex = java.util.HexFormat.of().formatHex(hashBytes);
            hashHex = hex;
        }
        return hex;
    }

    /**
     * The hash's bytes as the mapper made them, not copied (do not change them); null where the record was made
     * with a hex hash, or none.
     */
    public byte[] recordHashBytes() {
        return hashBytes;
    }

    public String businessKey() {
        return businessKey;
    }

    public int warnings() {
        return warnings;
    }

    public LocalDateTime changeTime() {
        return changeTime;
    }

    @Override
    public String toString() {
        // values may be personal: never printed
        return "UnifiedRecord[sourceKey=" + sourceKey + ", " + values.length + " values, recordHash=" + recordHash()
                + "]";
    }
}
