package org.exchangehub.source.jdbc;

import java.time.Duration;
import java.util.regex.Pattern;
import javax.sql.DataSource;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.exchangehub.feed.Durations;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;

/**
 * Reads the rows of one department table changed since the feed's stored watermark, in batches, read-only
 * and streamed. The watermark is the change-time column plus the key; a look-back window re-reads recent
 * rows so that late-committing transactions are not missed, and rows already delivered in that window are
 * skipped. A row that commits with a change time older than the watermark minus the look-back window is not
 * delivered (widen {@code lookBack}, or rewind the watermark); a row without a change time is delivered by the
 * first run only. Without a change column every run is a full load.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "jdbc-incremental", title = "JDBC incremental source",
        syntax = "jdbc-incremental:table", consumerOnly = true, category = { Category.DATABASE })
public final class JdbcIncrementalEndpoint extends ScheduledPollEndpoint {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?");
    private static final long DEFAULT_DELAY_MS = 60_000;
    static final int MAX_SPLIT_CHUNKS = 10_000;
    static final int MAX_SPLIT_THREADS = 64;

    @UriPath(description = "The source table, optionally schema-qualified (SCHEMA.TABLE). Matched case-insensitively"
            + " against the database's metadata and quoted by the database's rules.")
    @Metadata(required = true)
    private final String table;

    @UriParam(description = "The department database: a DataSource bean, referenced as #beanName. Give the hub a"
            + " read-only account.")
    @Metadata(required = true)
    private DataSource dataSource;

    @UriParam(description = "The feed id. Defaults to the id of the route that consumes this source.")
    private String feed;

    @UriParam(description = "The primary-key column: the record's source key, and the tie-breaker among rows that"
            + " share a change time.")
    @Metadata(required = true)
    private String keyColumn;

    @UriParam(description = "The change-time column (TIMESTAMP or DATE), set on insert and update. Leave empty for a"
            + " table without one: every run then reads the whole table (full load).")
    private String changeColumn;

    @UriParam(description = "Comma-separated columns to read; all columns when empty.")
    private String columns;

    @UriParam(defaultValue = "5m", description = "How far before the watermark each run re-reads, so that rows whose"
            + " transaction committed late are not missed. Rows already delivered are skipped. Accepts 30s, 5m, 1h or"
            + " ISO-8601 (PT5M).")
    private String lookBack = "5m";

    @UriParam(defaultValue = "20000", description = "Records per exchange (batch). Each batch is mapped, delivered to"
            + " every sink and committed before the next is read.")
    private int batchSize = 20_000;

    @UriParam(defaultValue = "1000", description = "JDBC fetch size: rows the driver holds in memory at a time.")
    private int fetchSize = 1000;

    @UriParam(defaultValue = "300", description = "Query timeout in seconds; a run whose query exceeds it fails.")
    private int queryTimeout = 300;

    @UriParam(defaultValue = "0", description = "Most rows read in one run (0: no limit); the next run continues"
            + " from the watermark. Caps the load on the department's system.")
    private long maxRowsPerRun;

    @UriParam(defaultValue = "0", description = "Most rows read per second (0: no limit): a gentle pull that spares"
            + " the department's database during office hours.")
    private double maxRowsPerSecond;

    @UriParam(label = "split", description = "A numeric (integer) column to cut a full load, or an incremental"
            + " table's first load, into key ranges by: the table's key or another column without NULLs. The ranges"
            + " are claimed from the state store and read in parallel, each committing its own progress, so that a"
            + " stopped load resumes range by range; an incremental table then goes on from one watermark, the"
            + " latest change time of the whole load. Needs splitChunks.")
    private String splitColumn;

    @UriParam(label = "split", defaultValue = "0", description = "How many key ranges a split load is cut into"
            + " (equal spans between the split column's smallest and largest value); 0 reads without a split."
            + " Needs splitColumn.")
    private int splitChunks;

    @UriParam(label = "split", defaultValue = "2", description = "How many ranges of a split load this instance"
            + " reads at a time, each on a connection of its own (at most splitChunks).")
    private int splitThreads = 2;

    JdbcIncrementalEndpoint(String uri, JdbcIncrementalComponent component, String table) {
        super(uri, component);
        this.table = table;
        // Camel falls back to 500 ms when no delay is given, whatever getDefaultDelay() says
        setDelay(DEFAULT_DELAY_MS);
    }

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY_MS;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException("jdbc-incremental is a source only; it cannot be used in 'to'");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        StateStore state = lookup(StateStore.class);
        FeedRegistry registry = lookup(FeedRegistry.class);
        JdbcIncrementalConsumer consumer = new JdbcIncrementalConsumer(this, processor, state, registry);
        configureConsumer(consumer);
        return consumer;
    }

    private <T> T lookup(Class<T> type) {
        T bean = getCamelContext().getRegistry().findSingleByType(type);
        if (bean == null) {
            throw new IllegalStateException("jdbc-incremental needs exactly one " + type.getSimpleName()
                    + " bean in the registry; the hub configures it (is this running outside the hub?)");
        }
        return bean;
    }

    /** Fails fast on impossible options, naming the option. */
    void validate() {
        requireIdentifier("table", table);
        if (dataSource == null) {
            throw new IllegalArgumentException("jdbc-incremental:" + table
                    + ": option dataSource is required (a DataSource bean, e.g. dataSource=#marketRegulationDb)");
        }
        requireIdentifier("keyColumn", keyColumn);
        if (changeColumn != null && !changeColumn.isBlank()) {
            requireIdentifier("changeColumn", changeColumn);
        }
        if (columns != null && !columns.isBlank()) {
            for (String c : columnList()) {
                requireIdentifier("columns", c);
            }
        }
        requirePositive("batchSize", batchSize);
        requirePositive("fetchSize", fetchSize);
        requirePositive("queryTimeout", queryTimeout);
        if (maxRowsPerSecond < 0) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option maxRowsPerSecond must be 0 (no"
                    + " limit) or positive, was " + maxRowsPerSecond);
        }
        if (maxRowsPerRun < 0) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option maxRowsPerRun must be 0 (no limit)"
                    + " or positive, was " + maxRowsPerRun);
        }
        lookBackDuration();
        validateSplit();
    }

    private void validateSplit() {
        boolean column = splitColumn != null && !splitColumn.isBlank();
        if (column) {
            requireIdentifier("splitColumn", splitColumn);
            if (splitColumn.contains(".")) {
                throw new IllegalArgumentException("jdbc-incremental:" + table + ": option splitColumn = '"
                        + splitColumn + "' must be a column name of the table, without a schema or table prefix");
            }
        }
        if (splitChunks < 0 || splitChunks > MAX_SPLIT_CHUNKS) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option splitChunks must be between 0"
                    + " (no split) and " + MAX_SPLIT_CHUNKS + ", was " + splitChunks);
        }
        if (column && splitChunks == 0) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option splitColumn needs splitChunks"
                    + " (how many key ranges, at least 1)");
        }
        if (!column && splitChunks > 0) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option splitChunks needs splitColumn"
                    + " (the numeric column to cut the load by, e.g. the key)");
        }
        if (splitThreads < 1 || splitThreads > MAX_SPLIT_THREADS) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option splitThreads must be between 1"
                    + " and " + MAX_SPLIT_THREADS + ", was " + splitThreads);
        }
    }

    boolean isSplit() {
        return splitChunks > 0;
    }

    private void requireIdentifier(String option, String value) {
        if (value == null || !IDENTIFIER.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option " + option + " = '" + value
                    + "' is not a plain SQL identifier (letters, digits, _ and $, optionally SCHEMA.NAME)");
        }
    }

    private void requirePositive(String option, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option " + option
                    + " must be positive, was " + value);
        }
    }

    Duration lookBackDuration() {
        return Durations.parse("jdbc-incremental:" + table, "lookBack", lookBack);
    }

    java.util.List<String> columnList() {
        if (columns == null || columns.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(columns.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    boolean isIncremental() {
        return changeColumn != null && !changeColumn.isBlank();
    }

    public String getTable() {
        return table;
    }

    public DataSource getDataSource() {
        return dataSource;
    }

    public void setDataSource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String getFeed() {
        return feed;
    }

    public void setFeed(String feed) {
        this.feed = feed;
    }

    public String getKeyColumn() {
        return keyColumn;
    }

    public void setKeyColumn(String keyColumn) {
        this.keyColumn = keyColumn;
    }

    public String getChangeColumn() {
        return changeColumn;
    }

    public void setChangeColumn(String changeColumn) {
        this.changeColumn = changeColumn;
    }

    public String getColumns() {
        return columns;
    }

    public void setColumns(String columns) {
        this.columns = columns;
    }

    public String getLookBack() {
        return lookBack;
    }

    public void setLookBack(String lookBack) {
        this.lookBack = lookBack;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    public int getQueryTimeout() {
        return queryTimeout;
    }

    public void setQueryTimeout(int queryTimeout) {
        this.queryTimeout = queryTimeout;
    }

    public double getMaxRowsPerSecond() {
        return maxRowsPerSecond;
    }

    public void setMaxRowsPerSecond(double maxRowsPerSecond) {
        this.maxRowsPerSecond = maxRowsPerSecond;
    }

    public long getMaxRowsPerRun() {
        return maxRowsPerRun;
    }

    public void setMaxRowsPerRun(long maxRowsPerRun) {
        this.maxRowsPerRun = maxRowsPerRun;
    }

    public String getSplitColumn() {
        return splitColumn;
    }

    public void setSplitColumn(String splitColumn) {
        this.splitColumn = splitColumn;
    }

    public int getSplitChunks() {
        return splitChunks;
    }

    public void setSplitChunks(int splitChunks) {
        this.splitChunks = splitChunks;
    }

    public int getSplitThreads() {
        return splitThreads;
    }

    public void setSplitThreads(int splitThreads) {
        this.splitThreads = splitThreads;
    }
}
