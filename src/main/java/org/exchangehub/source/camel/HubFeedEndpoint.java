package org.exchangehub.source.camel;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.source.file.RecordFormats;
import org.exchangehub.source.file.StreamedRecords;
import org.exchangehub.state.StateStore;

/**
 * Any Camel endpoint as a feed's source. As a producer ({@code to: hub-feed:<feed>?format=csv}) it reads the
 * exchange's body (a file camel-ftp or camel-file consumed, an HTTP response, the rows camel-jdbc returned) into
 * records and runs the feed on them, returning only once every batch was delivered to every sink and committed; a
 * failed run fails the exchange, so that the origin endpoint does not commit (move, delete or remember the file).
 * As a consumer ({@code from: hub-feed:<feed>}) it starts the feed's route, which maps and delivers.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "hub-feed", title = "Hub feed", syntax = "hub-feed:feed",
        category = { Category.CORE })
public final class HubFeedEndpoint extends DefaultEndpoint {

    /** Header set on the origin exchange: the id of the run its records went into. */
    public static final String RUN_ID = "HubFeedRunId";
    /** Header set on the origin exchange: how many records the run delivered. */
    public static final String DELIVERED = "HubFeedDelivered";

    public static final List<String> FORMATS = List.of("csv", "fixed", "xml", "json", "rows");

    @UriPath(description = "The feed id: the id of the route that reads from: hub-feed:<feed> (<department>.<feed>).")
    @Metadata(required = true)
    private final String feed;

    @UriParam(label = "producer", enums = "csv,fixed,xml,json,rows", description = "How the body holds its records:"
            + " csv, fixed (fixed-width by byte offsets, needs layout), xml (needs recordElement and columns), json"
            + " (an array of flat objects) or rows (a list of column-to-value maps, as camel-jdbc and camel-sql"
            + " return).")
    private String format;

    @UriParam(label = "producer", defaultValue = "UTF-8", description = "The body's charset for csv, fixed and xml,"
            + " for example GBK, GB18030 or UTF-8; a byte-order mark is skipped.")
    private String charset = "UTF-8";

    @UriParam(label = "producer", defaultValue = ",", description = "The CSV field delimiter, one character (\\t for"
            + " tab).")
    private String delimiter = ",";

    @UriParam(label = "producer", defaultValue = "\"", description = "The CSV quote character; empty for none.")
    private String quote = "\"";

    @UriParam(label = "producer", defaultValue = "true", description = "Whether the first CSV line holds the column"
            + " names.")
    private boolean header = true;

    @UriParam(label = "producer", description = "Comma-separated column names: for CSV without a header or to"
            + " override it, and for XML the record element's child elements (and @attributes).")
    private String columns;

    @UriParam(label = "producer", description = "The layout file of fixed-width content (for example"
            + " config/layouts/NAME.yaml).")
    private String layout;

    @UriParam(label = "producer", description = "The local name of the XML element that holds one record.")
    private String recordElement;

    @UriParam(label = "producer", description = "The namespace URI of the XML record element; empty for none.")
    private String recordNamespace;

    @UriParam(label = "producer", description = "The column whose value is each record's source key; empty for"
            + " NAME:LINE (csv, fixed, xml) or NAME:N (json, rows), where NAME is the CamelFileName header or the feed"
            + " id. A record whose key is blank is rejected MISSING_REQUIRED.")
    private String sourceKey;

    @UriParam(label = "producer", defaultValue = "5000", description = "Records per batch; each batch is mapped,"
            + " delivered to every sink and committed before the next is handed on.")
    private int batchSize = 5000;

    private volatile OriginRecords records;

    HubFeedEndpoint(String uri, HubFeedComponent component, String feed) {
        super(uri, component);
        this.feed = feed;
    }

    /** The options of the {@code to: hub-feed:<feed>} step, as declared here once, for {@code validate}. */
    public static List<String> producerOptions() {
        return Arrays.stream(HubFeedEndpoint.class.getDeclaredFields())
                .filter(f -> f.isAnnotationPresent(UriParam.class)).map(java.lang.reflect.Field::getName).toList();
    }

    @Override
    public HubFeedComponent getComponent() {
        return (HubFeedComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new HubFeedProducer(this, originRecords());
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        HubFeedConsumer consumer = new HubFeedConsumer(this, processor, lookup(StateStore.class),
                lookup(FeedRegistry.class));
        configureConsumer(consumer);
        return consumer;
    }

    private <T> T lookup(Class<T> type) {
        T bean = getCamelContext().getRegistry().findSingleByType(type);
        if (bean == null) {
            throw new IllegalStateException("hub-feed needs exactly one " + type.getSimpleName() + " bean in the"
                    + " registry; the hub configures it (is this running outside the hub?)");
        }
        return bean;
    }

    /** How the producer reads bodies, built once from the options; fails fast on impossible ones, naming the option. */
    OriginRecords originRecords() {
        if (records == null) {
            records = buildRecords();
        }
        return records;
    }

    private OriginRecords buildRecords() {
        if (batchSize < 1) {
            throw problem("batchSize", String.valueOf(batchSize), "must be at least 1", "use e.g. batchSize=5000");
        }
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        String key = sourceKey == null || sourceKey.isBlank() ? null : sourceKey.trim();
        if (RecordFormats.isRecordFormat(f)) {
            return OriginRecords.streamed(StreamedRecords.of(new RecordFormats.Options(f, charset, delimiter, quote,
                    header, columns, layout, recordElement, recordNamespace), problems(), key), batchSize);
        }
        return switch (f) {
            case "json" -> OriginRecords.json(key, batchSize);
            case "rows" -> OriginRecords.rows(key, batchSize);
            default -> throw problem("format", format, format == null ? "is required" : "unknown format",
                    "use one of " + String.join(", ", FORMATS));
        };
    }

    /** This endpoint's way of saying a bad option, naming the step and the option. */
    private RecordFormats.Problems problems() {
        return new RecordFormats.Problems() {
            @Override
            public RuntimeException problem(String option, String value, String problem, String fix) {
                return HubFeedEndpoint.this.problem(option, value, problem, fix);
            }

            @Override
            public RuntimeException missing(String option) {
                return HubFeedEndpoint.this.problem(option, null, "is required for format " + format,
                        "set " + option + "=...");
            }
        };
    }

    private IllegalArgumentException problem(String option, String value, String problem, String fix) {
        return new IllegalArgumentException("hub-feed:" + feed + ": option " + option
                + (value == null ? "" : " = '" + value + "'") + " " + problem + ". Fix: " + fix);
    }

    public String getFeed() { return feed; }
    public String getFormat() { return format; }
    public void setFormat(String format) { this.format = format; }
    public String getCharset() { return charset; }
    public void setCharset(String charset) { this.charset = charset; }
    public String getDelimiter() { return delimiter; }
    public void setDelimiter(String delimiter) { this.delimiter = delimiter; }
    public String getQuote() { return quote; }
    public void setQuote(String quote) { this.quote = quote; }
    public boolean isHeader() { return header; }
    public void setHeader(boolean header) { this.header = header; }
    public String getColumns() { return columns; }
    public void setColumns(String columns) { this.columns = columns; }
    public String getLayout() { return layout; }
    public void setLayout(String layout) { this.layout = layout; }
    public String getRecordElement() { return recordElement; }
    public void setRecordElement(String recordElement) { this.recordElement = recordElement; }
    public String getRecordNamespace() { return recordNamespace; }
    public void setRecordNamespace(String recordNamespace) { this.recordNamespace = recordNamespace; }
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}
