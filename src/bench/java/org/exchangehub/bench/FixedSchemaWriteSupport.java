package org.exchangehub.bench;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;

/** A Parquet write support with one fixed schema, for the benchmark's copy-limit stages. */
abstract class FixedSchemaWriteSupport<T> extends WriteSupport<T> {

    private final MessageType schema;
    protected RecordConsumer out;

    FixedSchemaWriteSupport(MessageType schema) {
        this.schema = schema;
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        out = recordConsumer;
    }

    /** A Parquet writer builder for one write support. */
    static final class Builder<T> extends ParquetWriter.Builder<T, Builder<T>> {

        private final Supplier<? extends WriteSupport<T>> support;

        Builder(OutputFile file, Supplier<? extends WriteSupport<T>> support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder<T> self() {
            return this;
        }

        @Override
        protected WriteSupport<T> getWriteSupport(Configuration conf) {
            return support.get();
        }

        @Override
        protected WriteSupport<T> getWriteSupport(ParquetConfiguration conf) {
            return support.get();
        }
    }
}
