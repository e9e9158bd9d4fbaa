package org.exchangehub.sink.lake;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How a {@link LakeWriter} writes its files.
 *
 * @param compression  the Parquet codec of every column chunk but {@code _record_hash} as bytes (stored uncompressed)
 * @param rowGroupSize target size of a row group in bytes (Parquet buffers one row group in memory)
 * @param zone         the zone whose calendar date of {@code _extracted_at} names the {@code dt=} folder
 * @param recordHash   how {@code _record_hash} is stored
 * @param textLevel    the ZSTD level of the free-text columns (catalogue rule {@code text}, such as addresses), where
 *                     the codec is ZSTD; the other columns keep the codec's default level (3)
 */
public record LakeOptions(LakeCompression compression, long rowGroupSize, ZoneId zone, RecordHashFormat recordHash,
                          int textLevel) {

    /**
     * ZSTD: the codec of the platform's readers (Spark, Hive, Trino, DuckDB) that makes the smallest files at a
     * throughput close to SNAPPY's (docs/performance.md, the lake size).
     */
    public static final LakeCompression DEFAULT_COMPRESSION = LakeCompression.ZSTD;
    public static final RecordHashFormat DEFAULT_RECORD_HASH = RecordHashFormat.BINARY;
    /** 128 MiB, Parquet's and HDFS's usual block size. */
    public static final long DEFAULT_ROW_GROUP_SIZE = 128L * 1024 * 1024;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
    /**
     * ZSTD level 6 (lazy match search) for free text: an address column an eighth smaller than at level 3, for about
     * a tenth more time on a file of person records (the write thread compresses it); codes, identifiers and numbers
     * gain nothing from it, so they stay at level 3 (docs/performance.md, "free text at ZSTD level 6").
     */
    public static final int DEFAULT_TEXT_LEVEL = 6;
    /** ZSTD's levels. */
    public static final int MIN_ZSTD_LEVEL = 1;
    public static final int MAX_ZSTD_LEVEL = 22;

    public LakeOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(recordHash, "recordHash");
        if (rowGroupSize <= 0) {
            throw new IllegalArgumentException("rowGroupSize must be positive, was " + rowGroupSize);
        }
        if (textLevel < MIN_ZSTD_LEVEL || textLevel > MAX_ZSTD_LEVEL) {
            throw new IllegalArgumentException("textLevel must be a ZSTD level from " + MIN_ZSTD_LEVEL + " to "
                    + MAX_ZSTD_LEVEL + ", was " + textLevel);
        }
    }

    /** With the default level for free text. */
    public LakeOptions(LakeCompression compression, long rowGroupSize, ZoneId zone, RecordHashFormat recordHash) {
        this(compression, rowGroupSize, zone, recordHash, DEFAULT_TEXT_LEVEL);
    }

    /** With the default record hash format and level for free text. */
    public LakeOptions(LakeCompression compression, long rowGroupSize, ZoneId zone) {
        this(compression, rowGroupSize, zone, DEFAULT_RECORD_HASH);
    }

    /** ZSTD (level 6 for free text), 128 MiB row groups, Asia/Shanghai, the record hash as 32 bytes. */
    public static LakeOptions defaults() {
        return new LakeOptions(DEFAULT_COMPRESSION, DEFAULT_ROW_GROUP_SIZE, DEFAULT_ZONE, DEFAULT_RECORD_HASH,
                DEFAULT_TEXT_LEVEL);
    }

    public LakeOptions withCompression(LakeCompression value) {
        return new LakeOptions(value, rowGroupSize, zone, recordHash, textLevel);
    }

    public LakeOptions withRowGroupSize(long value) {
        return new LakeOptions(compression, value, zone, recordHash, textLevel);
    }

    public LakeOptions withZone(ZoneId value) {
        return new LakeOptions(compression, rowGroupSize, value, recordHash, textLevel);
    }

    public LakeOptions withRecordHash(RecordHashFormat value) {
        return new LakeOptions(compression, rowGroupSize, zone, value, textLevel);
    }

    public LakeOptions withTextLevel(int value) {
        return new LakeOptions(compression, rowGroupSize, zone, recordHash, value);
    }
}
