package org.exchangehub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.exchangehub.demo.PublicSecurityBulk;

/**
 * The file scenario's data and its limit: a household-registration drop (GBK CSV, header, CRLF, ~4% dirty rows)
 * of {@code bench.fileMb} MB written streaming into a drop folder, and the copy limit over it: the file read and
 * decoded with FastCSV, the parser the hub's CSV drops use, and written straight to one Parquet file (SNAPPY), no mapping.
 */
final class FileScenario {

    static final String FILE = "persons.csv";
    static final String MAPPING = "public-security-persons";
    static final List<String> COLUMNS = List.of("GMSFHM", "XM", "XB", "CSRQ", "HJXZQH", "ZZ", "LXDH");
    static final Charset GBK = Charset.forName("GBK");

    final Path drop;
    final long rows;
    final long bytes;

    private FileScenario(Path drop, long rows, long bytes) {
        this.drop = drop;
        this.rows = rows;
        this.bytes = bytes;
    }

    /** Writes the drop (data file, then its done marker) of at least {@code mb} MB. */
    static FileScenario prepare(Path work, int mb) throws IOException {
        Path drop = Files.createDirectories(work.resolve("drop"));
        Path file = drop.resolve(FILE);
        long rows = PublicSecurityBulk.writeCsv(file, mb * 1_000_000L, 20260301L);
        Files.writeString(drop.resolve(FILE + ".ok"), "");
        return new FileScenario(drop, rows, Files.size(file));
    }

    Path file() {
        return drop.resolve(FILE);
    }

    /** The copy limit: FastCSV (the hub's CSV parser) over the GBK file, every record straight to Parquet. */
    Stage copy(Path out) {
        return new Stage() {
            @Override
            public String name() {
                return "copy limit (GBK CSV → Parquet, no mapping)";
            }

            @Override
            public Outcome run() throws Exception {
                Files.createDirectories(out);
                Path parquet = out.resolve("copy.parquet");
                long n = 0;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file()), GBK),
                        1 << 16);
                     CsvReader<CsvRecord> parser = CsvReader.builder().allowMissingFields(true)
                             .allowExtraFields(true).ofCsvRecord(in);
                     ParquetWriter<CsvRecord> writer = new FixedSchemaWriteSupport.Builder<CsvRecord>(new LocalOutputFile(parquet), RecordSupport::new)
                             .withConf(new PlainParquetConfiguration())
                             .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                             .withCompressionCodec(CompressionCodecName.SNAPPY)
                             .build()) {
                    parser.skipLines(1); // the header
                    for (CsvRecord r : parser) {
                        writer.write(r);
                        n++;
                    }
                }
                return new Outcome(n, n, Files.size(parquet), "");
            }
        };
    }

    /** Writes a CSV record's fields as optional strings (a short, malformed record leaves the rest null). */
    private static final class RecordSupport extends FixedSchemaWriteSupport<CsvRecord> {

        private static final MessageType SCHEMA = schema();

        private static MessageType schema() {
            Types.MessageTypeBuilder b = Types.buildMessage();
            for (String c : COLUMNS) {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(c);
            }
            return b.named("persons");
        }

        RecordSupport() {
            super(SCHEMA);
        }

        @Override
        public void write(CsvRecord r) {
            out.startMessage();
            int n = Math.min(r.getFieldCount(), COLUMNS.size());
            for (int i = 0; i < n; i++) {
                String s = r.getField(i);
                if (!s.isEmpty()) {
                    out.startField(COLUMNS.get(i), i);
                    out.addBinary(Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                    out.endField(COLUMNS.get(i), i);
                }
            }
            out.endMessage();
        }
    }

}
