package org.exchangehub.sink.lake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.schema.MessageType;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * Writes batches of unified records as Parquet files into a lake folder laid out for Spark, Hive and
 * DuckDB: {@code <root>/<dataset>/dt=<yyyy-MM-dd>/part-<runId>-<index>.parquet}. A file appears only
 * complete (written under a hidden temp name, then atomically renamed), and a re-delivered batch
 * replaces its own file, so retries are idempotent. Thread-safe; use one per lake root.
 */
public final class LakeWriter {

    /** Names that become path segments: no separators, no {@code ..}, nothing HDFS rejects. */
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final int HASH_BUFFER = 64 * 1024;

    private final Path root;
    private final LakeOptions options;
    private final ConcurrentMap<String, LakeSchema> schemas = new ConcurrentHashMap<>();
    private final ReceiptBook receipts = new ReceiptBook();

    public LakeWriter(Path root) {
        this(root, LakeOptions.defaults());
    }

    public LakeWriter(Path root, LakeOptions options) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.options = Objects.requireNonNull(options, "options");
    }

    public Path root() {
        return root;
    }

    public LakeOptions options() {
        return options;
    }

    /** The Parquet schema the lake uses for a dataset: its fields in schema order, then the lineage fields. */
    public MessageType schema(Dataset dataset) {
        return schemaFor(dataset).type();
    }

    /** Where the receipt of a run of a dataset lives. */
    public Path receiptPath(String dataset, String runId) {
        return root.resolve(safe("dataset", dataset)).resolve("_receipts").resolve(safe("runId", runId) + ".json");
    }

    /** The receipt of a run as it stands, or empty when the run has written nothing yet. */
    public Optional<LakeReceipt> receipt(String dataset, String runId) throws IOException {
        Path path = receiptPath(dataset, runId);
        return Files.exists(path) ? Optional.of(ReceiptBook.read(path)) : Optional.empty();
    }

    /**
     * Writes the batch's unified records as one Parquet file and records it in the run's receipt.
     * A batch without unified records writes no data file (the receipt is still created or kept).
     * On any failure nothing is left behind: the temp file is deleted and no final file appears.
     *
     * @return the file written, or empty for an empty batch
     * @throws IllegalArgumentException when the batch is not mapped or a record does not fit the schema
     *                                  (the message names dataset, row and field, never a value)
     * @throws IOException              when the lake folder cannot be written
     */
    public Optional<LakeFile> write(Batch batch) throws IOException {
        Dataset dataset = batch.dataset();
        if (dataset == null) {
            throw new IllegalArgumentException(batch + " has not been mapped onto a dataset");
        }
        String datasetName = safe("dataset", dataset.name());
        String runId = safe("runId", batch.runId());
        Objects.requireNonNull(batch.source(), "batch source");
        Objects.requireNonNull(batch.extractedAt(), "batch extractedAt");
        Path receipt = receiptPath(datasetName, runId);
        List<UnifiedRecord> records = batch.unified();
        if (records.isEmpty()) {
            receipts.record(receipt, batch.feedId(), runId, datasetName, null);
            return Optional.empty();
        }
        String date = batch.extractedAt().atZone(options.zone()).toLocalDate().toString();
        String fileName = "part-" + runId + "-" + String.format("%05d", batch.index()) + ".parquet";
        Path dir = root.resolve(datasetName).resolve("dt=" + date);
        Files.createDirectories(dir);
        Path target = dir.resolve(fileName);
        Path tmp = dir.resolve("." + fileName + ".tmp");
        LakeFile file;
        try {
            RecordWriteSupport support = new RecordWriteSupport(schemaFor(dataset), batch.source(), runId,
                    batch.extractedAt());
            Builder builder = new Builder(new LocalOutputFile(tmp), support)
                    .withConf(new PlainParquetConfiguration())
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(options.compression().codec())
                    .withRowGroupSize(options.rowGroupSize())
                    .withDictionaryEncoding(false);
            for (String column : support.schema().dictionaryColumns()) {
                builder = builder.withDictionaryEncoding(column, true);
            }
            if (options.compression() == LakeCompression.ZSTD) {
                for (String column : support.schema().textColumns()) {
                    // the codec named with the level, else Parquet warns for every column of every file
                    builder = builder.withCompressionCodec(column, CompressionCodecName.ZSTD)
                            .withCompressionLevel(column, options.textLevel());
                }
            }
            if (support.schema().binaryRecordHash()) {
                builder = builder.withCompressionCodec(LakeSchema.RECORD_HASH, CompressionCodecName.UNCOMPRESSED)
                        .withStatisticsEnabled(LakeSchema.RECORD_HASH, false);
            }
            try (ParquetWriter<UnifiedRecord> writer = builder.build()) {
                for (UnifiedRecord record : records) {
                    writer.write(record);
                }
            }
            String relative = root.relativize(target).toString().replace('\\', '/');
            file = new LakeFile(relative, records.size(), Files.size(tmp), sha256(tmp));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        receipts.record(receipt, batch.feedId(), runId, datasetName, file);
        return Optional.of(file);
    }

    /** Cached per dataset name; rebuilt when the catalogue hands over a new Dataset instance (a reload). */
    private LakeSchema schemaFor(Dataset dataset) {
        return schemas.compute(dataset.name(),
                (name, cached) -> cached != null && cached.dataset() == dataset ? cached
                        : LakeSchema.of(dataset, options.recordHash()));
    }

    private static String safe(String what, String value) {
        if (value == null || !SAFE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' cannot name a lake path: use letters, digits, '.', '_' and '-' only");
        }
        return value;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        byte[] buffer = new byte[HASH_BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** ParquetWriter's builder bound to one batch's write support, without a Hadoop FileSystem. */
    private static final class Builder extends ParquetWriter.Builder<UnifiedRecord, Builder> {

        private final RecordWriteSupport support;

        Builder(OutputFile file, RecordWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<UnifiedRecord> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<UnifiedRecord> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
