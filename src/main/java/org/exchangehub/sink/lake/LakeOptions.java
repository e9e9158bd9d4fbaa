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
 */
public record LakeOptions(LakeCompression compression, long rowGroupSize, ZoneId zone, RecordHashFormat recordHash) {

    /**
     * ZSTD: the codec of the platform's readers (Spark, Hive, Trino, DuckDB) that makes the smallest files at a
     * throughput close to SNAPPY's (docs/performance.md, the lake size).
     */
    public static final LakeCompression DEFAULT_COMPRESSION = LakeCompression.ZSTD;
    public static final RecordHashFormat DEFAULT_RECORD_HASH = RecordHashFormat.BINARY;
    /** 128 MiB, Parquet's and HDFS's usual block size. */
    public static final long DEFAULT_ROW_GROUP_SIZE = 128L * 1024 * 1024;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public LakeOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(recordHash, "recordHash");
        if (rowGroupSize <= 0) {
            throw new IllegalArgumentException("rowGroupSize must be positive, was " + rowGroupSize);
        }
    }

    /** With the default record hash format. */
    public LakeOptions(LakeCompression compression, long rowGroupSize, ZoneId zone) {
        this(compression, rowGroupSize, zone, DEFAULT_RECORD_HASH);
    }

    /** ZSTD, 128 MiB row groups, Asia/Shanghai, the record hash as 32 bytes. */
    public static LakeOptions defaults() {
        return new LakeOptions(DEFAULT_COMPRESSION, DEFAULT_ROW_GROUP_SIZE, DEFAULT_ZONE, DEFAULT_RECORD_HASH);
    }

    public LakeOptions withCompression(LakeCompression value) {
        return new LakeOptions(value, rowGroupSize, zone, recordHash);
    }

    public LakeOptions withRowGroupSize(long value) {
        return new LakeOptions(compression, value, zone, recordHash);
    }

    public LakeOptions withZone(ZoneId value) {
        return new LakeOptions(compression, rowGroupSize, value, recordHash);
    }

    public LakeOptions withRecordHash(RecordHashFormat value) {
        return new LakeOptions(compression, rowGroupSize, zone, value);
    }
}
