package org.exchangehub.sink.lake;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How a {@link LakeWriter} writes its files.
 *
 * @param compression  the Parquet codec of every column chunk
 * @param rowGroupSize target size of a row group in bytes (Parquet buffers one row group in memory)
 * @param zone         the zone whose calendar date of {@code _extracted_at} names the {@code dt=} folder
 */
public record LakeOptions(LakeCompression compression, long rowGroupSize, ZoneId zone) {

    public static final LakeCompression DEFAULT_COMPRESSION = LakeCompression.SNAPPY;
    /** 128 MiB, Parquet's and HDFS's usual block size. */
    public static final long DEFAULT_ROW_GROUP_SIZE = 128L * 1024 * 1024;
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public LakeOptions {
        Objects.requireNonNull(compression, "compression");
        Objects.requireNonNull(zone, "zone");
        if (rowGroupSize <= 0) {
            throw new IllegalArgumentException("rowGroupSize must be positive, was " + rowGroupSize);
        }
    }

    /** SNAPPY, 128 MiB row groups, Asia/Shanghai. */
    public static LakeOptions defaults() {
        return new LakeOptions(DEFAULT_COMPRESSION, DEFAULT_ROW_GROUP_SIZE, DEFAULT_ZONE);
    }

    public LakeOptions withCompression(LakeCompression value) {
        return new LakeOptions(value, rowGroupSize, zone);
    }

    public LakeOptions withRowGroupSize(long value) {
        return new LakeOptions(compression, value, zone);
    }

    public LakeOptions withZone(ZoneId value) {
        return new LakeOptions(compression, rowGroupSize, value);
    }
}
