package org.exchangehub.sink.lake;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.Rule;

/**
 * The Parquet schema of one dataset (its catalogue fields, then the lineage fields) together with one
 * precomputed value writer per field, so that writing a row does no type dispatch or lookup.
 */
final class LakeSchema {

    static final String DATASET = "_dataset";
    static final String SOURCE = "_source";
    static final String SOURCE_KEY = "_source_key";
    static final String RUN_ID = "_run_id";
    static final String EXTRACTED_AT = "_extracted_at";
    static final String RECORD_HASH = "_record_hash";
    static final String CHANGE_TIME = "_change_time";

    /** Bytes of a SHA-256 digest. */
    static final int DIGEST_BYTES = 32;

    /** Largest decimal precision stored as INT64 (Parquet's rule). */
    private static final int MAX_INT64_PRECISION = 18;

    /** Writes one non-null unified value of a field. */
    interface ValueWriter {
        void write(RecordConsumer out, Object value);
    }

    private final Dataset dataset;
    private final MessageType type;
    private final String[] names;
    private final boolean[] required;
    private final ValueWriter[] writers;
    private final List<String> dictionaryColumns = new java.util.ArrayList<>();
    private final List<String> textColumns = new java.util.ArrayList<>();
    private final boolean binaryHash;

    private LakeSchema(Dataset dataset, RecordHashFormat recordHash) {
        this.dataset = dataset;
        this.binaryHash = recordHash == RecordHashFormat.BINARY;
        List<FieldSpec> fields = dataset.fields();
        int n = fields.size();
        names = new String[n];
        required = new boolean[n];
        writers = new ValueWriter[n];
        Types.MessageTypeBuilder builder = Types.buildMessage();
        for (int i = 0; i < n; i++) {
            FieldSpec f = fields.get(i);
            names[i] = f.name();
            required[i] = f.required();
            Type.Repetition rep = f.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            switch (f.type()) {
                case STRING -> {
                    builder.primitive(PrimitiveTypeName.BINARY, rep)
                            .as(LogicalTypeAnnotation.stringType()).named(f.name());
                    writers[i] = (out, v) -> out.addBinary(utf8((String) v));
                    Rule rule = Rule.of(f.rule());
                    if (!f.codes().isEmpty() || rule == Rule.DIVISION_CODE || rule == Rule.SEX_CODE) {
                        dictionaryColumns.add(f.name());
                    } else if (rule == Rule.TEXT) {
                        textColumns.add(f.name());
                    }
                }
                case DATE -> {
                    builder.primitive(PrimitiveTypeName.INT32, rep)
                            .as(LogicalTypeAnnotation.dateType()).named(f.name());
                    writers[i] = (out, v) -> out.addInteger(Math.toIntExact(((LocalDate) v).toEpochDay()));
                    dictionaryColumns.add(f.name());
                }
                case DECIMAL -> {
                    writers[i] = decimal(builder, rep, f);
                    dictionaryColumns.add(f.name());
                }
                default -> throw new IllegalArgumentException("no Parquet type for " + f.type());
            }
        }
        builder.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(DATASET);
        builder.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SOURCE);
        builder.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(SOURCE_KEY);
        builder.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(RUN_ID);
        builder.required(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(EXTRACTED_AT);
        if (binaryHash) {
            // the digest's 32 bytes: a digest is random, so this column is the one no codec shrinks
            builder.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY).length(DIGEST_BYTES).named(RECORD_HASH);
        } else {
            builder.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(RECORD_HASH);
        }
        // the department's wall-clock change time: a local timestamp (not adjusted to UTC), null where none
        builder.optional(PrimitiveTypeName.INT64)
                .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                .named(CHANGE_TIME);
        type = builder.named(dataset.name());
        dictionaryColumns.addAll(List.of(DATASET, SOURCE, RUN_ID, EXTRACTED_AT));
    }

    static LakeSchema of(Dataset dataset, RecordHashFormat recordHash) {
        return new LakeSchema(dataset, recordHash);
    }

    /**
     * A string as Parquet's binary over a byte array of its UTF-8. Every binary the lake writes is array-backed:
     * the column statistics compare each value with the page's minimum and maximum, and a mix of array- and
     * buffer-backed binaries ({@code Binary.fromString} is buffer-backed) makes that comparison a virtual call per
     * byte, which was most of the write thread's time on the file scenario.
     */
    static Binary utf8(String value) {
        return Binary.fromConstantByteArray(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The record's {@code _record_hash} as this schema stores it: the mapper's 32 bytes as they are where the schema
     * stores bytes, else the hex text; null where the record has none.
     */
    Binary recordHash(org.exchangehub.mapping.UnifiedRecord record) {
        byte[] bytes = record.recordHashBytes();
        if (bytes != null && binaryHash) {
            if (bytes.length != DIGEST_BYTES) {
                throw new IllegalArgumentException("_record_hash is not a SHA-256 (" + bytes.length + " bytes)");
            }
            return Binary.fromConstantByteArray(bytes);
        }
        String hex = record.recordHash();
        return hex == null ? null : recordHash(hex);
    }

    /** The value of {@code _record_hash} as this schema stores it, from the record's 64 hex characters. */
    Binary recordHash(String hex) {
        if (!binaryHash) {
            return utf8(hex);
        }
        if (hex.length() != 2 * DIGEST_BYTES) {
            throw new IllegalArgumentException("_record_hash is not a SHA-256 in hex (" + hex.length() + " characters)");
        }
        byte[] bytes = new byte[DIGEST_BYTES];
        for (int i = 0; i < DIGEST_BYTES; i++) {
            int hi = nibble(hex, 2 * i);
            int lo = nibble(hex, 2 * i + 1);
            bytes[i] = (byte) (hi << 4 | lo);
        }
        return Binary.fromConstantByteArray(bytes);
    }

    /** One hex digit's value (the mapper writes lower case; upper case is read too), else the hash is refused. */
    private static int nibble(String hex, int at) {
        char c = hex.charAt(at);
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        throw new IllegalArgumentException("_record_hash is not a SHA-256 in hex (character " + (at + 1) + ")");
    }

    private static ValueWriter decimal(Types.MessageTypeBuilder builder, Type.Repetition rep, FieldSpec f) {
        int precision = f.precision();
        int scale = f.scale();
        if (precision < 1 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("field " + f.name() + ": invalid decimal(" + precision + "," + scale + ")");
        }
        LogicalTypeAnnotation decimal = LogicalTypeAnnotation.decimalType(scale, precision);
        if (precision <= MAX_INT64_PRECISION) {
            builder.primitive(PrimitiveTypeName.INT64, rep).as(decimal).named(f.name());
            return (out, v) -> out.addLong(unscaled((BigDecimal) v, precision, scale).longValue());
        }
        int length = minBytes(precision);
        builder.primitive(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY, rep).length(length).as(decimal).named(f.name());
        return (out, v) -> out.addBinary(Binary.fromConstantByteArray(
                fixed(unscaled((BigDecimal) v, precision, scale), length)));
    }

    /** The unscaled value at the field's scale; fails (without the value) when it does not fit. */
    private static BigInteger unscaled(BigDecimal value, int precision, int scale) {
        BigDecimal scaled = value.setScale(scale, RoundingMode.UNNECESSARY);
        if (scaled.precision() > precision) {
            throw new ArithmeticException("value exceeds decimal(" + precision + "," + scale + ")");
        }
        return scaled.unscaledValue();
    }

    /** Fewest bytes whose two's complement holds every unscaled value of the precision. */
    static int minBytes(int precision) {
        int bits = BigInteger.TEN.pow(precision).subtract(BigInteger.ONE).bitLength() + 1;
        return (bits + 7) / 8;
    }

    /** Big-endian two's complement, sign-extended to {@code length} bytes. */
    private static byte[] fixed(BigInteger unscaled, int length) {
        byte[] raw = unscaled.toByteArray();
        if (raw.length == length) {
            return raw;
        }
        byte[] out = new byte[length];
        if (unscaled.signum() < 0) {
            java.util.Arrays.fill(out, 0, length - raw.length, (byte) 0xFF);
        }
        System.arraycopy(raw, 0, out, length - raw.length, raw.length);
        return out;
    }

    /**
     * The columns worth a Parquet dictionary: code-table fields, numbers and dates, and the lineage fields that
     * are constant per file. Free-text and unique columns (names, credit codes, keys, hashes) are not: building
     * a dictionary that Parquet then throws away was the largest single cost of writing a batch.
     */
    List<String> dictionaryColumns() {
        return dictionaryColumns;
    }

    /**
     * The columns of free text (catalogue rule {@code text}): words in no fixed form, the only columns a stronger
     * ZSTD level makes markedly smaller.
     */
    List<String> textColumns() {
        return textColumns;
    }

    /**
     * Whether {@code _record_hash} holds the digest's 32 bytes. Those bytes are random: a codec cannot shrink them,
     * so the column is stored uncompressed, and its minimum and maximum would span the whole range in every file,
     * so it keeps no statistics (they could never skip a row group).
     */
    boolean binaryRecordHash() {
        return binaryHash;
    }

    Dataset dataset() {
        return dataset;
    }

    MessageType type() {
        return type;
    }

    int fieldCount() {
        return names.length;
    }

    String name(int i) {
        return names[i];
    }

    boolean required(int i) {
        return required[i];
    }

    ValueWriter writer(int i) {
        return writers[i];
    }
}
