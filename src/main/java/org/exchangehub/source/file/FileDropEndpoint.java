package org.exchangehub.source.file;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;


import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.apache.camel.util.TimeUtils;
import org.exchangehub.config.ConfigException;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;

/**
 * Reads the files a department drops into a folder (local, FTP, FTPS or SFTP) once each: only files complete
 * under the feed's rule, each checked as a whole before any record is delivered, remembered by name, size and
 * content hash once every batch of it was confirmed. Formats: CSV, fixed-width (byte layout) and XML, in any
 * charset Java knows (GBK, GB18030, UTF-8 with or without BOM), all streamed. The folder itself is consumed through
 * Camel's {@code file:}, {@code ftp:}, {@code ftps:} and {@code sftp:} components ({@link CamelDrop}); any of their
 * consumer options given on the URI beside these goes to that endpoint as it is.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "file-drop", title = "File drop source",
        syntax = "file-drop:protocol", consumerOnly = true, category = { Category.FILE })
public final class FileDropEndpoint extends ScheduledPollEndpoint {

    private static final long DEFAULT_DELAY_MS = 60_000;

    @UriPath(enums = "file,ftp,ftps,sftp", description = "Where the drop folder is: file (a local or mounted folder),"
            + " ftp, ftps (FTP over TLS) or sftp.")
    @Metadata(required = true)
    private final String protocol;

    @UriParam(description = "The drop folder: for ftp and ftps from the account's login folder (camel-ftp takes no"
            + " absolute FTP paths), for sftp an absolute path on the server, for protocol file a local path.")
    @Metadata(required = true)
    private String directory;

    @UriParam(label = "connection", description = "The server's host name or address (not for protocol file).")
    private String host;

    @UriParam(label = "connection", description = "The server's port; 0 for the protocol's default (21, 990, 22).")
    private int port;

    @UriParam(label = "security", description = "The account on the server. Give the hub its own account that may"
            + " only read, rename into the done and error folders, and write reports.")
    private String username;

    @UriParam(label = "security", secret = true, description = "The account's password.")
    private String password;

    @UriParam(label = "security", description = "SFTP: the server's host key fingerprint, as ssh-keygen -lf prints it"
            + " (SHA256:...). Required for sftp: the connection fails if the server presents another key.")
    private String hostKeyFingerprint;

    @UriParam(label = "security", description = "SFTP: a private key file (OpenSSH or PEM) to log in with, instead of"
            + " or besides the password.")
    private String privateKeyFile;

    @UriParam(label = "security", description = "FTPS: implicit TLS (port 990) instead of explicit AUTH TLS.")
    private boolean ftpsImplicit;

    @UriParam(label = "security", description = "FTPS: a PKCS12 trust store holding the server's certificate or its"
            + " CA; the Java runtime's trusted CAs when empty.")
    private String trustStore;

    @UriParam(label = "security", secret = true, description = "FTPS: the trust store's password.")
    private String trustStorePassword;

    @UriParam(label = "connection", defaultValue = "UTF-8", description = "Encoding of file names on the server (FTP"
            + " control connection, SFTP names); some older Chinese servers use GBK.")
    private String fileNameEncoding = "UTF-8";

    @UriParam(label = "connection", defaultValue = "30s", description = "Connect and read timeout (30s, 2m, PT30S).")
    private String timeout = "30s";

    @UriParam(defaultValue = "*", description = "Comma-separated glob patterns of the data files to read, e.g."
            + " *.csv or HJ_*.dat.")
    private String include = "*";

    @UriParam(defaultValue = ".*,*.tmp,*.part,*.filepart,*.uploading", description = "Comma-separated glob patterns"
            + " of temporary names that are never read (uploads in progress).")
    private String temporaryNames = ".*,*.tmp,*.part,*.filepart,*.uploading";

    @UriParam(enums = "doneMarker,rename,stable", defaultValue = "doneMarker", description = "When a file is"
            + " complete: doneMarker (a marker file is written beside it after it), rename (uploaded under a temporary"
            + " name, then renamed) or stable (unchanged size since the previous poll and older than minAge).")
    private String readyWhen = "doneMarker";

    @UriParam(defaultValue = "${file}.ok", description = "The done-marker's name: ${file} is the data file's name,"
            + " ${name} the name without its extension (e.g. ${name}.ok or ${file}.flg).")
    private String doneMarker = "${file}.ok";

    @UriParam(defaultValue = "1m", description = "For readyWhen=stable: how long a file must be unchanged.")
    private String minAge = "1m";

    @UriParam(enums = "move,leave,delete", defaultValue = "move", description = "What happens to a delivered file and"
            + " its marker: move (into doneDirectory), leave, or delete.")
    private String afterRead = "move";

    @UriParam(defaultValue = "done", description = "Sub-folder of the drop folder that delivered files move to.")
    private String doneDirectory = "done";

    @UriParam(defaultValue = "error", description = "Sub-folder of the drop folder that bad files (truncated, too many"
            + " malformed lines, unreadable) move to, each with a NAME.report.txt.")
    private String errorDirectory = "error";

    @UriParam(enums = "csv,fixed,xml", description = "The file format: csv, fixed (fixed-width by byte offsets, needs"
            + " layout) or xml (needs recordElement and columns).")
    @Metadata(required = true)
    private String format;

    @UriParam(defaultValue = "UTF-8", description = "The files' charset: GBK, GB18030, UTF-8 (a byte-order mark is"
            + " skipped).")
    private String charset = "UTF-8";

    @UriParam(label = "csv", defaultValue = ",", description = "CSV: the field delimiter (one character; \\t for tab).")
    private String delimiter = ",";

    @UriParam(label = "csv", defaultValue = "\"", description = "CSV: the quote character; empty for none.")
    private String quote = "\"";

    @UriParam(label = "csv", defaultValue = "true", description = "CSV: whether the first line holds the column names.")
    private boolean header = true;

    @UriParam(description = "Comma-separated column names: for CSV without a header (positional), or overriding"
            + " the header; for XML the child elements (and @attributes) of the record element.")
    private String columns;

    @UriParam(label = "fixed", description = "Fixed-width: the layout file (e.g. config/layouts/NAME.yaml).")
    private String layout;

    @UriParam(label = "xml", description = "XML: local name of the element that holds one record.")
    private String recordElement;

    @UriParam(label = "xml", description = "XML: namespace URI of the record element; empty for none.")
    private String recordNamespace;

    @UriParam(description = "The column (CSV header or columns, fixed-width layout field, XML column) whose value is"
            + " each record's source key, e.g. a certificate number; empty: FILE:LINE. The file and line stay in the"
            + " raw form of every record (_file_line) and in each reject.")
    private String sourceKey;

    @UriParam(defaultValue = "5", description = "Most malformed records a file may have, in percent of its records;"
            + " above it the file is set aside and nothing of it is delivered.")
    private double maxMalformedPercent = 5;

    @UriParam(description = "The largest file read, e.g. 2GB or 500MB (empty: no cap). A larger file, as listed or as"
            + " downloaded, is set aside with a report and nothing of it is delivered.")
    private String maxFileSize;

    private long maxFileSizeBytes;

    @UriParam(defaultValue = "true", description = "CSV and fixed-width, with readyWhen stable: a file whose last line"
            + " does not end with a line break is taken as truncated and set aside. A done marker or a rename vouches"
            + " that the file is complete: its last line is then read like the others.")
    private boolean requireFinalNewline = true;

    @UriParam(description = "Local folder for copies of remote files while they are read and for the parsed records"
            + " of the file being read (parsed once: checked, then delivered from there); the system temp folder when"
            + " empty.")
    private String workDirectory;

    @UriParam(description = "The feed id. Defaults to the id of the route that consumes this source.")
    private String feed;

    @UriParam(defaultValue = "20000", description = "Records per exchange (batch).")
    private int batchSize = 20_000;

    private FileFormat fileFormat;
    /** camel-ftp / camel-file options given on the URI, passed to the Camel endpoint as they are. */
    private final Map<String, Object> camelOptions = new LinkedHashMap<>();

    FileDropEndpoint(String uri, FileDropComponent component, String protocol) {
        super(uri, component);
        this.protocol = protocol;
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY_MS;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("file-drop is a source only; it cannot be used in 'to'");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        StateStore state = lookup(StateStore.class);
        FeedRegistry registry = lookup(FeedRegistry.class);
        FileDropConsumer consumer = new FileDropConsumer(this, processor, state, registry);
        configureConsumer(consumer);
        return consumer;
    }

    private <T> T lookup(Class<T> type) {
        T bean = getCamelContext().getRegistry().findSingleByType(type);
        if (bean == null) {
            throw new IllegalStateException("file-drop needs exactly one " + type.getSimpleName()
                    + " bean in the registry; the hub configures it (is this running outside the hub?)");
        }
        return bean;
    }

    /** Fails fast on impossible options, naming the option; builds the format once. */
    void validate() {
        Protocol p = protocol();
        require("directory", directory);
        if (p.isRemote()) {
            require("host", host);
            require("username", username);
        }
        if (p == Protocol.SFTP) {
            require("hostKeyFingerprint", hostKeyFingerprint);
        }
        if (port < 0 || port > 65535) {
            throw problem("port", String.valueOf(port), "is not a port", "use 1-65535, or 0 for the default");
        }
        choice("readyWhen", readyWhen, ReadyRule.class);
        choice("afterRead", afterRead, AfterRead.class);
        if (readyRule() == ReadyRule.DONE_MARKER && !doneMarker.contains("${file}") && !doneMarker.contains("${name}")) {
            throw problem("doneMarker", doneMarker, "does not name the data file",
                    "use ${file} or ${name}, e.g. ${file}.ok");
        }
        for (String folder : List.of(doneDirectory, errorDirectory)) {
            if (!FileNames.isPlain(folder)) {
                throw problem(folder.equals(doneDirectory) ? "doneDirectory" : "errorDirectory", folder,
                        "must be a plain sub-folder name of the drop folder", "use e.g. done or error");
            }
        }
        if (batchSize <= 0) {
            throw problem("batchSize", String.valueOf(batchSize), "must be positive", "use e.g. 5000");
        }
        if (maxMalformedPercent < 0 || maxMalformedPercent > 100) {
            throw problem("maxMalformedPercent", String.valueOf(maxMalformedPercent), "must be between 0 and 100",
                    "use e.g. 5");
        }
        if (maxFileSize != null && !maxFileSize.isBlank()) {
            try {
                maxFileSizeBytes = org.springframework.util.unit.DataSize.parse(maxFileSize.strip().replace(" ", ""))
                        .toBytes();
            } catch (IllegalArgumentException e) {
                throw problem("maxFileSize", maxFileSize, "is not a size", "use e.g. 2GB, 500MB or 1048576");
            }
            if (maxFileSizeBytes <= 0) {
                throw problem("maxFileSize", maxFileSize, "must be positive", "use e.g. 2GB, or leave it out");
            }
        }
        duration("timeout", timeout);
        duration("minAge", minAge);
        Charset cs = charset();
        fileFormat = buildFormat(cs);
        checkSourceKey();
        if (p == Protocol.FTPS && trustStore != null && !trustStore.isBlank() && !Files.isReadable(Path.of(trustStore))) {
            throw problem("trustStore", trustStore, "cannot be read", "check the path of the PKCS12 trust store");
        }
    }

    /** A key column the layout or the given columns do not have is known at start-up; a header's only per file. */
    private void checkSourceKey() {
        if (sourceKey == null || sourceKey.isBlank()) {
            sourceKey = null;
            return;
        }
        sourceKey = sourceKey.trim();
        List<String> known = fileFormat instanceof FixedWidthFormat fixed ? fixed.layout().names() : columnList();
        if (!known.isEmpty() && known.stream().noneMatch(sourceKey::equalsIgnoreCase)) {
            throw problem("sourceKey", sourceKey, "is not a column of the records; they have " + known,
                    "use one of them, or leave sourceKey empty for FILE:LINE");
        }
    }

    /** The key column, or null for FILE:LINE keys. */
    String sourceKeyColumn() {
        return sourceKey;
    }

    private FileFormat buildFormat(Charset cs) {
        return RecordFormats.build(new RecordFormats.Options(format, charset, delimiter, quote, header, columns, layout,
                recordElement, recordNamespace), cs, problems());
    }

    /** This endpoint's way of saying a bad option: a ConfigException naming the endpoint (no password in it). */
    private RecordFormats.Problems problems() {
        return new RecordFormats.Problems() {
            @Override
            public RuntimeException problem(String option, String value, String problem, String fix) {
                return FileDropEndpoint.this.problem(option, value, problem, fix);
            }

            @Override
            public RuntimeException missing(String option) {
                return FileDropEndpoint.this.problem(option, null, "is required here",
                        "set " + option + " in the feed's route");
            }
        };
    }

    private void require(String option, String value) {
        if (value == null || value.isBlank()) {
            throw problem(option, value, "is required here", "set " + option + " in the feed's route");
        }
    }

    private <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        String normalised = value == null ? "" : value.trim().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, normalised);
        } catch (IllegalArgumentException e) {
            throw problem(option, value, "unknown value", "use one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> lowerCamel(c.name())).toList());
        }
    }

    private static String lowerCamel(String constant) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : constant.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    private Duration duration(String option, String value) {
        try {
            return Duration.ofMillis(TimeUtils.toMilliSeconds(value.trim()));
        } catch (RuntimeException e) {
            throw problem(option, value, "is not a duration", "write e.g. 30s, 5m, 1h or PT30S");
        }
    }

    private ConfigException problem(String option, String value, String what, String fix) {
        return new ConfigException(getEndpointUri().replaceAll("(?i)(password=)[^&]*", "$1xxxxxx"), option, value,
                what, fix);
    }

    Protocol protocol() {
        try {
            return Protocol.valueOf(protocol.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw problem("protocol", protocol, "unknown protocol", "use file-drop:file, ftp, ftps or sftp");
        }
    }

    Charset charset() {
        return RecordFormats.charset(charset, problems());
    }

    ReadyRule readyRule() {
        return choice("readyWhen", readyWhen, ReadyRule.class);
    }

    AfterRead afterReadAction() {
        return choice("afterRead", afterRead, AfterRead.class);
    }

    Duration timeoutDuration() {
        return duration("timeout", timeout);
    }

    Duration minAgeDuration() {
        return duration("minAge", minAge);
    }

    FileFormat fileFormat() {
        return fileFormat;
    }

    List<String> columnList() {
        return RecordFormats.columnList(columns);
    }

    /** The feed's own folder under the work directory: remote files' downloads and the parsed-record spools. */
    Path feedWorkDirectory(String feedId) {
        return workDirectoryPath().resolve(FileNames.isPlain(feedId) ? feedId : "feed");
    }

    Path workDirectoryPath() {
        return workDirectory == null || workDirectory.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"))
                : Path.of(workDirectory);
    }

    /** Camel's own options for the drop folder's endpoint, given on the URI beside the source's. */
    Map<String, Object> camelOptions() {
        return camelOptions;
    }

    /** Takes the options the source does not know as Camel's, refusing those the source sets from its own. */
    void passToCamel(Map<String, Object> options) {
        for (Map.Entry<String, Object> o : options.entrySet()) {
            String instead = CamelDrop.OWN.get(o.getKey());
            if (instead != null) {
                throw problem(o.getKey(), String.valueOf(o.getValue()), "is set by file-drop itself",
                        "use the file-drop option " + instead);
            }
            if (!camelKnows(o.getKey())) {
                throw problem(o.getKey(), "(not shown)", "is neither a file-drop option nor a consumer option of Camel's "
                        + protocol().scheme() + " component", "check its spelling against docs/file-feeds.md and the"
                        + " camel-" + (protocol() == Protocol.FILE ? "file" : "ftp") + " documentation");
            }
            camelOptions.put(o.getKey(), o.getValue());
        }
    }

    /** Whether Camel's component for the protocol has the option (its generated list of endpoint options). */
    private boolean camelKnows(String option) {
        org.apache.camel.spi.EndpointUriFactory options = getCamelContext().getCamelContextExtension()
                .getEndpointUriFactory(protocol().scheme());
        return options == null || options.propertyNames().contains(option)
                || options.multiValuePrefixes().values().stream().anyMatch(option::startsWith);
    }

    // getters and setters bind the URI options

    public String getProtocol() { return protocol; }
    public String getDirectory() { return directory; }
    public void setDirectory(String directory) { this.directory = directory; }
    public String getHost() { return host; }
    public void setHost(String host) { this.host = host; }
    public int getPort() { return port; }
    public void setPort(int port) { this.port = port; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getHostKeyFingerprint() { return hostKeyFingerprint; }
    public void setHostKeyFingerprint(String hostKeyFingerprint) { this.hostKeyFingerprint = hostKeyFingerprint; }
    public String getPrivateKeyFile() { return privateKeyFile; }
    public void setPrivateKeyFile(String privateKeyFile) { this.privateKeyFile = privateKeyFile; }
    public boolean isFtpsImplicit() { return ftpsImplicit; }
    public void setFtpsImplicit(boolean ftpsImplicit) { this.ftpsImplicit = ftpsImplicit; }
    public String getTrustStore() { return trustStore; }
    public void setTrustStore(String trustStore) { this.trustStore = trustStore; }
    public String getTrustStorePassword() { return trustStorePassword; }
    public void setTrustStorePassword(String trustStorePassword) { this.trustStorePassword = trustStorePassword; }
    public String getFileNameEncoding() { return fileNameEncoding; }
    public void setFileNameEncoding(String fileNameEncoding) { this.fileNameEncoding = fileNameEncoding; }
    public String getTimeout() { return timeout; }
    public void setTimeout(String timeout) { this.timeout = timeout; }
    public String getInclude() { return include; }
    public void setInclude(String include) { this.include = include; }
    public String getTemporaryNames() { return temporaryNames; }
    public void setTemporaryNames(String temporaryNames) { this.temporaryNames = temporaryNames; }
    public String getReadyWhen() { return readyWhen; }
    public void setReadyWhen(String readyWhen) { this.readyWhen = readyWhen; }
    public String getDoneMarker() { return doneMarker; }
    public void setDoneMarker(String doneMarker) { this.doneMarker = doneMarker; }
    public String getMinAge() { return minAge; }
    public void setMinAge(String minAge) { this.minAge = minAge; }
    public String getAfterRead() { return afterRead; }
    public void setAfterRead(String afterRead) { this.afterRead = afterRead; }
    public String getDoneDirectory() { return doneDirectory; }
    public void setDoneDirectory(String doneDirectory) { this.doneDirectory = doneDirectory; }
    public String getErrorDirectory() { return errorDirectory; }
    public void setErrorDirectory(String errorDirectory) { this.errorDirectory = errorDirectory; }
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
    public String getSourceKey() { return sourceKey; }
    public void setSourceKey(String sourceKey) { this.sourceKey = sourceKey; }
    public String getLayout() { return layout; }
    public void setLayout(String layout) { this.layout = layout; }
    public String getRecordElement() { return recordElement; }
    public void setRecordElement(String recordElement) { this.recordElement = recordElement; }
    public String getRecordNamespace() { return recordNamespace; }
    public void setRecordNamespace(String recordNamespace) { this.recordNamespace = recordNamespace; }
    public double getMaxMalformedPercent() { return maxMalformedPercent; }
    public String getMaxFileSize() { return maxFileSize; }
    public void setMaxFileSize(String maxFileSize) { this.maxFileSize = maxFileSize; }
    /** The cap in bytes, 0 without one. */
    long maxFileSizeBytes() { return maxFileSizeBytes; }
    public void setMaxMalformedPercent(double maxMalformedPercent) { this.maxMalformedPercent = maxMalformedPercent; }
    public boolean isRequireFinalNewline() { return requireFinalNewline; }
    public void setRequireFinalNewline(boolean requireFinalNewline) { this.requireFinalNewline = requireFinalNewline; }
    public String getWorkDirectory() { return workDirectory; }
    public void setWorkDirectory(String workDirectory) { this.workDirectory = workDirectory; }
    public String getFeed() { return feed; }
    public void setFeed(String feed) { this.feed = feed; }
    public int getBatchSize() { return batchSize; }
    public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
}
