package org.exchangehub.sink.lake;

import java.time.Instant;
import java.util.Map;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * Writes {@link UnifiedRecord}s of one batch straight to Parquet's record consumer: the dataset fields
 * through the schema's precomputed writers, then the lineage fields, which are constant per batch
 * except the source key and record hash.
 */
final class RecordWriteSupport extends WriteSupport<UnifiedRecord> {

    private final LakeSchema schema;
    private final Binary dataset;
    private final Binary source;
    private final Binary runId;
    private final long extractedAtMicros;
    private RecordConsumer out;
    private long row;

    RecordWriteSupport(LakeSchema schema, String source, String runId, Instant extractedAt) {
        this.schema = schema;
        this.dataset = LakeSchema.utf8(schema.dataset().name());
        this.source = LakeSchema.utf8(source);
        this.runId = LakeSchema.utf8(runId);
        this.extractedAtMicros = Math.addExact(Math.multiplyExact(extractedAt.getEpochSecond(), 1_000_000L),
                extractedAt.getNano() / 1_000);
    }

    LakeSchema schema() {
        return schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema.type(), Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema.type(), Map.of());
    }

    @Override
    public String getName() {
        return "exchange-hub";
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(UnifiedRecord record) {
        int n = schema.fieldCount();
        Object[] values = record.values();
        if (values.length != n) {
            throw new IllegalArgumentException(where(-1) + ": record has " + values.length
                    + " values, the dataset has " + n + " fields");
        }
        out.startMessage();
        for (int i = 0; i < n; i++) {
            Object v = values[i];
            if (v == null) {
                if (schema.required(i)) {
                    throw new IllegalArgumentException(where(i) + ": required field is null");
                }
                continue;
            }
            out.startField(schema.name(i), i);
            try {
                schema.writer(i).write(out, v);
            } catch (ClassCastException | ArithmeticException e) {
                // the messages name types and limits only, never the (possibly personal) value
                throw new IllegalArgumentException(where(i) + ": " + e.getMessage(), e);
            }
            out.endField(schema.name(i), i);
        }
        if (record.sourceKey() == null) {
            throw new IllegalArgumentException(where(-1) + ": " + LakeSchema.SOURCE_KEY + " is null");
        }
        binary(LakeSchema.DATASET, n, dataset);
        binary(LakeSchema.SOURCE, n + 1, source);
        binary(LakeSchema.SOURCE_KEY, n + 2, LakeSchema.utf8(record.sourceKey()));
        binary(LakeSchema.RUN_ID, n + 3, runId);
        out.startField(LakeSchema.EXTRACTED_AT, n + 4);
        out.addLong(extractedAtMicros);
        out.endField(LakeSchema.EXTRACTED_AT, n + 4);
        Binary hash = schema.recordHash(record);
        if (hash != null) {
            binary(LakeSchema.RECORD_HASH, n + 5, hash);
        }
        if (record.changeTime() != null) {
            out.startField(LakeSchema.CHANGE_TIME, n + 6);
            out.addLong(micros(record.changeTime()));
            out.endField(LakeSchema.CHANGE_TIME, n + 6);
        }
        out.endMessage();
        row++;
    }

    /** Microseconds of a local date-time counted as if it were UTC: Parquet's encoding of a local timestamp. */
    private static long micros(java.time.LocalDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(java.time.ZoneOffset.UTC), 1_000_000L),
                t.getNano() / 1_000);
    }

    private void binary(String name, int index, Binary value) {
        out.startField(name, index);
        out.addBinary(value);
        out.endField(name, index);
    }

    private String where(int field) {
        String s = "dataset " + schema.dataset().name() + ", row " + row;
        return field < 0 ? s : s + ", field " + schema.name(field);
    }
}
