package org.exchangehub.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

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

/**
 * The machine's limits: a plain JDBC streaming read of every column (read-only), and the same read written
 * straight to one Parquet file (SNAPPY, as the lake) with no mapping, validation or state: the copy limit.
 */
final class LimitStages {

    static final String SELECT = "SELECT ID, TYSHXYDM, QYMC, FDDBR, ZCZB, CLRQ, XZQH, DJZT, GXSJ FROM T_QYDJ";
    static final int FETCH = 1000;

    private LimitStages() {
    }

    static Stage readOnly(DataSource ds) {
        return new Stage() {
            @Override
            public String name() {
                return "read only (JDBC stream, every column)";
            }

            @Override
            public Outcome run() throws SQLException {
                long rows = 0;
                long chars = 0;
                try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        chars += rs.getLong(1);
                        for (int i = 2; i <= 8; i++) {
                            String s = rs.getString(i);
                            chars += s == null ? 0 : s.length();
                        }
                        Timestamp t = rs.getTimestamp(9);
                        chars += t.getNanos();
                        rows++;
                    }
                    c.rollback();
                }
                return new Outcome(rows, 0, 0, chars == 42 ? "!" : "");
            }
        };
    }

    static Stage copy(DataSource ds, Path out) {
        return new Stage() {
            @Override
            public String name() {
                return "copy limit (JDBC → Parquet, no mapping)";
            }

            @Override
            public Outcome run() throws Exception {
                Files.createDirectories(out);
                Path file = out.resolve("copy.parquet");
                long rows = 0;
                try (Connection c = ds.getConnection(); PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery();
                     ParquetWriter<ResultSet> writer = new FixedSchemaWriteSupport.Builder<ResultSet>(new LocalOutputFile(file), RowSupport::new)
                             .withConf(new PlainParquetConfiguration())
                             .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                             .withCompressionCodec(CompressionCodecName.SNAPPY)
                             .build()) {
                    while (rs.next()) {
                        writer.write(rs);
                        rows++;
                    }
                    c.rollback();
                }
                return new Outcome(rows, rows, Files.size(file), "");
            }
        };
    }

    private static PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(FETCH);
        return ps;
    }

    /** Writes the current row of a result set straight to Parquet's record consumer. */
    private static final class RowSupport extends FixedSchemaWriteSupport<ResultSet> {

        private static final String[] NAMES = {"ID", "TYSHXYDM", "QYMC", "FDDBR", "ZCZB", "CLRQ", "XZQH", "DJZT", "GXSJ"};
        private static final MessageType SCHEMA = schema();

        private static MessageType schema() {
            Types.MessageTypeBuilder b = Types.buildMessage();
            b.required(PrimitiveTypeName.INT64).named(NAMES[0]);
            for (int i = 1; i <= 7; i++) {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(NAMES[i]);
            }
            b.required(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS)).named(NAMES[8]);
            return b.named("t_qydj");
        }

        RowSupport() {
            super(SCHEMA);
        }

        @Override
        public void write(ResultSet rs) {
            try {
                out.startMessage();
                out.startField(NAMES[0], 0);
                out.addLong(rs.getLong(1));
                out.endField(NAMES[0], 0);
                for (int i = 1; i <= 7; i++) {
                    String s = rs.getString(i + 1);
                    if (s != null) {
                        out.startField(NAMES[i], i);
                        out.addBinary(Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                        out.endField(NAMES[i], i);
                    }
                }
                LocalDateTime t = rs.getTimestamp(9).toLocalDateTime();
                out.startField(NAMES[8], 8);
                out.addLong(t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1_000);
                out.endField(NAMES[8], 8);
                out.endMessage();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

}
