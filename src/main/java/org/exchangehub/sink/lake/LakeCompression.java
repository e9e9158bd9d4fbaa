package org.exchangehub.sink.lake;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The Parquet codecs the lake accepts: the ones every reader of the platform (Spark, Hive, Trino,
 * DuckDB) decodes and that run here without native Hadoop libraries.
 */
public enum LakeCompression {
    SNAPPY(CompressionCodecName.SNAPPY),
    ZSTD(CompressionCodecName.ZSTD),
    GZIP(CompressionCodecName.GZIP),
    UNCOMPRESSED(CompressionCodecName.UNCOMPRESSED);

    /** The allowed values, comma-separated, for error messages and option docs. */
    public static final String ALLOWED = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));

    private final CompressionCodecName codec;

    LakeCompression(CompressionCodecName codec) {
        this.codec = codec;
    }

    CompressionCodecName codec() {
        return codec;
    }

    /**
     * Parses a configured value (case-insensitive).
     *
     * @param where the file or endpoint URI the value came from, for the error message
     * @param key   the option name, for the error message
     * @throws org.exchangehub.config.ConfigException naming the option, the value and the allowed values
     */
    public static LakeCompression parse(String where, String key, String value) {
        return LakeEnums.parse(LakeCompression.class, where, key, value, "unknown lake compression",
                "use one of " + ALLOWED);
    }
}
