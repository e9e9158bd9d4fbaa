package org.exchangehub.sink.lake;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.exchangehub.config.ConfigException;

/**
 * A lake sink endpoint, {@code lake:name?root=...&compression=...}: writes each exchange's batch as one
 * Parquet file under the lake root. Options are declared and described here once.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "lake", title = "Exchange Hub Parquet lake", syntax = "lake:name",
        producerOnly = true, remote = false, generateConfigurer = false,
        category = { Category.BIGDATA, Category.FILE })
public final class LakeEndpoint extends DefaultEndpoint {

    @UriPath(description = "A name for this sink, conventionally the dataset it delivers (e.g. legal_entity); "
            + "it labels the endpoint only, the dataset folder comes from each batch's own dataset.")
    @Metadata(required = true)
    private String name;

    @UriParam(label = "producer", defaultValue = "data/lake",
            description = "Root folder of the lake; files go to <root>/<dataset>/dt=<yyyy-MM-dd>/ and receipts to "
                    + "<root>/<dataset>/_receipts/. A relative path is resolved against the working directory.")
    private String root = "data/lake";

    @UriParam(label = "producer", defaultValue = "ZSTD", enums = "SNAPPY,ZSTD,GZIP,UNCOMPRESSED",
            description = "Parquet compression codec of every column chunk but the record hash as bytes,"
                    + " which is stored uncompressed.")
    private String compression = LakeOptions.DEFAULT_COMPRESSION.name();

    @UriParam(label = "producer,advanced", defaultValue = "6",
            description = "With ZSTD: the level of the free-text columns (catalogue rule text, such as addresses),"
                    + " 1 to 22; a higher level makes them smaller for more write CPU. The other columns keep ZSTD's"
                    + " default level, 3.")
    private int textCompressionLevel = LakeOptions.DEFAULT_TEXT_LEVEL;

    @UriParam(label = "producer,advanced", defaultValue = "BINARY", enums = "BINARY,HEX",
            description = "How _record_hash is stored: BINARY, the digest's 32 bytes (read the hex string with "
                    + "lower(hex(_record_hash))); HEX, the 64-character string, for a lake that already holds files "
                    + "written that way.")
    private String recordHash = LakeOptions.DEFAULT_RECORD_HASH.name();

    @UriParam(label = "producer,advanced", defaultValue = "134217728",
            description = "Target row group size in bytes; Parquet buffers one row group in memory while writing.")
    private long rowGroupSize = LakeOptions.DEFAULT_ROW_GROUP_SIZE;

    @UriParam(label = "producer", defaultValue = "Asia/Shanghai",
            description = "Time zone whose calendar date of the extraction instant names the dt= partition folder.")
    private String zone = LakeOptions.DEFAULT_ZONE.getId();

    public LakeEndpoint(String uri, LakeComponent component) {
        super(uri, component);
    }

    @Override
    public LakeComponent getComponent() {
        return (LakeComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new LakeProducer(this, getComponent().writer(Path.of(root), lakeOptions()));
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The lake endpoint " + getEndpointUri()
                + " only writes: use it in to(), not from()");
    }

    /** The options as the writer takes them; throws a {@link ConfigException} naming a bad option. */
    LakeOptions lakeOptions() {
        LakeCompression codec = LakeCompression.parse(getEndpointUri(), "compression", compression);
        if (rowGroupSize <= 0) {
            throw new ConfigException(getEndpointUri(), "rowGroupSize", Long.toString(rowGroupSize),
                    "row group size must be positive", "give a size in bytes, e.g. 134217728 (128 MiB)");
        }
        if (textCompressionLevel < LakeOptions.MIN_ZSTD_LEVEL || textCompressionLevel > LakeOptions.MAX_ZSTD_LEVEL) {
            throw new ConfigException(getEndpointUri(), "textCompressionLevel", Integer.toString(textCompressionLevel),
                    "not a ZSTD level", "give a level from " + LakeOptions.MIN_ZSTD_LEVEL + " to "
                            + LakeOptions.MAX_ZSTD_LEVEL + ", e.g. " + LakeOptions.DEFAULT_TEXT_LEVEL);
        }
        ZoneId zoneId;
        try {
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new ConfigException(getEndpointUri(), "zone", zone, "unknown time zone",
                    "use a region id such as Asia/Shanghai or UTC");
        }
        return new LakeOptions(codec, rowGroupSize, zoneId,
                RecordHashFormat.parse(getEndpointUri(), "recordHash", recordHash), textCompressionLevel);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public int getTextCompressionLevel() {
        return textCompressionLevel;
    }

    public void setTextCompressionLevel(int textCompressionLevel) {
        this.textCompressionLevel = textCompressionLevel;
    }

    public String getRoot() {
        return root;
    }

    public void setRoot(String root) {
        this.root = root;
    }

    public String getCompression() {
        return compression;
    }

    public void setCompression(String compression) {
        this.compression = compression;
    }

    public String getRecordHash() {
        return recordHash;
    }

    public void setRecordHash(String recordHash) {
        this.recordHash = recordHash;
    }

    public long getRowGroupSize() {
        return rowGroupSize;
    }

    public void setRowGroupSize(long rowGroupSize) {
        this.rowGroupSize = rowGroupSize;
    }

    public String getZone() {
        return zone;
    }

    public void setZone(String zone) {
        this.zone = zone;
    }
}
