package org.exchangehub.sink.lake;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads a lake file back, row by row, as the columns in file order with Java values: text, {@link LocalDate},
 * {@link BigDecimal}, {@link Instant} ({@code _extracted_at}), {@link LocalDateTime} ({@code _change_time}) or null;
 * {@code _record_hash} as its 64 hex characters whether the file stores the text or the digest's bytes.
 * For the hub's own tools (the decrypt command), streaming one row group at a time.
 */
public final class LakeRows {

    private LakeRows() {
    }

    /** Hands every row of the file to {@code rows}; returns how many there were. */
    public static long read(Path file, Consumer<Map<String, Object>> rows) throws IOException {
        long count = 0;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            List<Type> columns = schema.getFields();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group g = records.read();
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        row.put(columns.get(i).getName(), g.getFieldRepetitionCount(i) == 0 ? null
                                : value(g, i, columns.get(i).asPrimitiveType()));
                    }
                    rows.accept(row);
                    count++;
                }
            }
        }
        return count;
    }

    private static Object value(Group g, int i, PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            BigInteger unscaled = switch (type.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(g.getInteger(i, 0));
                case INT64 -> BigInteger.valueOf(g.getLong(i, 0));
                default -> new BigInteger(g.getBinary(i, 0).getBytes());
            };
            return new BigDecimal(unscaled, d.getScale());
        }
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(g.getInteger(i, 0));
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t) {
            long micros = g.getLong(i, 0);
            if (t.getUnit() != LogicalTypeAnnotation.TimeUnit.MICROS) {
                throw new IllegalArgumentException("column " + type.getName() + ": not a lake timestamp (micros)");
            }
            Instant at = Instant.EPOCH.plusNanos(micros * 1000);
            return t.isAdjustedToUTC() ? at : LocalDateTime.ofInstant(at, ZoneOffset.UTC);
        }
        return switch (type.getPrimitiveTypeName()) {
            case BINARY -> g.getString(i, 0);
            // the record hash stored as the digest's bytes: given back as the hex string it was
            case FIXED_LEN_BYTE_ARRAY -> java.util.HexFormat.of().formatHex(g.getBinary(i, 0).getBytes());
            case INT32 -> g.getInteger(i, 0);
            case INT64 -> g.getLong(i, 0);
            case BOOLEAN -> g.getBoolean(i, 0);
            case DOUBLE -> g.getDouble(i, 0);
            case FLOAT -> g.getFloat(i, 0);
            default -> throw new IllegalArgumentException("column " + type.getName() + ": type "
                    + type.getPrimitiveTypeName() + " is not one the lake writes");
        };
    }
}
