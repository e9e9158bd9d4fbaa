package org.exchangehub.sink.lake;

/**
 * How the lake stores {@code _record_hash}, the SHA-256 of a record's business fields.
 *
 * <p>{@link #BINARY} keeps the 32 bytes of the digest in a {@code FIXED_LEN_BYTE_ARRAY(32)} column: half the bytes
 * of the hex text, and the one column of a lake file that no codec can shrink (a digest is random). Readers get the
 * hex string back with {@code lower(hex(_record_hash))} in DuckDB and in Spark SQL. {@link #HEX} keeps the
 * 64-character lower-case hex string, for a lake that already holds files written that way, since Spark's
 * {@code mergeSchema} does not merge a string column with a binary one.
 */
public enum RecordHashFormat {
    BINARY,
    HEX;

    /** The allowed values, for error messages and option docs. */
    public static final String ALLOWED = "BINARY, HEX";

    /**
     * Parses a configured value (case-insensitive).
     *
     * @throws org.exchangehub.config.ConfigException naming the option, the value and the allowed values
     */
    public static RecordHashFormat parse(String where, String key, String value) {
        return LakeEnums.parse(RecordHashFormat.class, where, key, value, "unknown record hash format",
                "use one of " + ALLOWED + " (HEX only for a lake that already holds files with a string hash)");
    }
}
