package org.exchangehub.sink.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * The JSON value of a Kafka record for one dataset: a flat object with the dataset's fields in schema order
 * (strings, ISO dates, decimals as exact JSON numbers, null when absent), then the six lineage fields. Field
 * names are encoded once per dataset, so writing a record does no lookup or reflection.
 */
final class RecordJson {

    static final String DATASET = "_dataset";
    static final String SOURCE = "_source";
    static final String SOURCE_KEY = "_source_key";
    static final String RUN_ID = "_run_id";
    static final String EXTRACTED_AT = "_extracted_at";
    static final String RECORD_HASH = "_record_hash";
    static final String CHANGE_TIME = "_change_time";

    private static final JsonFactory JSON = new JsonFactory();
    /** UTC with microseconds, the precision the lake and warehouse keep too. */
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final SerializedString DATASET_NAME = new SerializedString(DATASET);
    private static final SerializedString SOURCE_NAME = new SerializedString(SOURCE);
    private static final SerializedString SOURCE_KEY_NAME = new SerializedString(SOURCE_KEY);
    private static final SerializedString RUN_ID_NAME = new SerializedString(RUN_ID);
    private static final SerializedString EXTRACTED_AT_NAME = new SerializedString(EXTRACTED_AT);
    private static final SerializedString RECORD_HASH_NAME = new SerializedString(RECORD_HASH);
    private static final SerializedString CHANGE_TIME_NAME = new SerializedString(CHANGE_TIME);

    /** Writes one non-null value of a field. */
    private interface ValueWriter {
        void write(JsonGenerator out, Object value) throws IOException;
    }

    private final Dataset dataset;
    private final SerializedString[] names;
    private final ValueWriter[] writers;

    RecordJson(Dataset dataset) {
        this.dataset = dataset;
        List<FieldSpec> fields = dataset.fields();
        names = new SerializedString[fields.size()];
        writers = new ValueWriter[fields.size()];
        for (int i = 0; i < names.length; i++) {
            FieldSpec f = fields.get(i);
            names[i] = new SerializedString(f.name());
            writers[i] = switch (f.type()) {
                case STRING -> (out, v) -> out.writeString((String) v);
                case DATE -> (out, v) -> out.writeString(((LocalDate) v).toString());
                case DECIMAL -> (out, v) -> out.writeNumber(((BigDecimal) v).toPlainString());
            };
        }
    }

    Dataset dataset() {
        return dataset;
    }

    /** The batch's lineage values that are the same for every record, encoded once per batch. */
    Lineage lineage(Batch batch) {
        return new Lineage(batch.source(), batch.runId(), INSTANT.format(batch.extractedAt()));
    }

    /** UTF-8 JSON of one record. */
    byte[] write(UnifiedRecord record, Lineage lineage) {
        Object[] values = record.values();
        if (values.length != names.length) {
            throw new IllegalArgumentException("dataset " + dataset.name() + ": record has " + values.length
                    + " values, the dataset has " + names.length + " fields");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 48 * names.length);
        try (JsonGenerator out = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
            out.writeStartObject();
            for (int i = 0; i < names.length; i++) {
                out.writeFieldName(names[i]);
                Object v = values[i];
                if (v == null) {
                    out.writeNull();
                } else {
                    try {
                        writers[i].write(out, v);
                    } catch (ClassCastException e) {
                        // names the field and types only, never the (possibly personal) value
                        throw new IllegalArgumentException("dataset " + dataset.name() + ", field " + names[i]
                                + ": value of type " + v.getClass().getSimpleName() + " does not fit the field", e);
                    }
                }
            }
            out.writeFieldName(DATASET_NAME);
            out.writeString(dataset.name());
            out.writeFieldName(SOURCE_NAME);
            out.writeString(lineage.source());
            out.writeFieldName(SOURCE_KEY_NAME);
            out.writeString(record.sourceKey());
            out.writeFieldName(RUN_ID_NAME);
            out.writeString(lineage.runId());
            out.writeFieldName(EXTRACTED_AT_NAME);
            out.writeString(lineage.extractedAt());
            out.writeFieldName(RECORD_HASH_NAME);
            out.writeString(record.recordHash());
            out.writeFieldName(CHANGE_TIME_NAME);
            if (record.changeTime() == null) {
                out.writeNull();
            } else {
                out.writeString(record.changeTime().toString()); // ISO local date-time, the department's clock
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /** Lineage values shared by every record of a batch. */
    record Lineage(String source, String runId, String extractedAt) {
    }
}
