package org.exchangehub.source.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.camel.Processor;
import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.Checkpoint;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.SourceProbe;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.state.SeenRow;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;

/**
 * One run of a {@code jdbc-incremental} feed: streams the rows changed since the watermark (minus the
 * look-back window), skips those already delivered inside the window, and hands the rest on in batches, each
 * with the watermark and remembered rows to commit once it is delivered.
 */
final class JdbcIncrementalConsumer extends FeedConsumer {

    private final JdbcIncrementalEndpoint endpoint;
    private final Duration lookBack;
    /** How this run's source count is taken (with or without the read's snapshot). */
    private String countMethod;
    /** Paces the rows read when {@code maxRowsPerSecond} is set; null without a limit. */
    private com.google.common.util.concurrent.RateLimiter pace;
    /** Reads through camel-jdbc (streaming) on the run's connection. */
    private volatile CamelJdbcReader reader;

    JdbcIncrementalConsumer(JdbcIncrementalEndpoint endpoint, Processor processor, StateStore state,
            FeedRegistry registry) {
        super(endpoint, processor, state, registry, endpoint.getFeed());
        this.endpoint = endpoint;
        this.lookBack = endpoint.lookBackDuration();
    }

    /** An incremental table remembers its rows in the look-back window itself; a full load gives every row again. */
    @Override
    public boolean rereadsUnchangedRecords() {
        return !endpoint.isIncremental();
    }

    /** Reachable when a connection can be had and {@link Connection#isValid(int)} answers within the timeout. */
    @Override
    public Optional<SourceProbe> sourceProbe() {
        return Optional.of(timeout -> {
            try (Connection connection = endpoint.getDataSource().getConnection()) {
                int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
                if (!connection.isValid(seconds)) {
                    throw new SQLException("the connection did not answer within " + seconds + " s");
                }
            }
        });
    }

    @Override
    protected void read(BatchSink sink) throws Exception {
        // a run's pacing starts afresh: the idle time since the last run earns it no burst
        pace = endpoint.getMaxRowsPerSecond() > 0
                ? com.google.common.util.concurrent.RateLimiter.create(endpoint.getMaxRowsPerSecond()) : null;
        TableQuery q;
        SplitLoad split;
        // the run's read-only transaction: closing it rolls back, a failing rollback added to the run's failure
        try (CamelJdbcReader.Run run = reader.begin()) {
            countMethod = run.snapshot() ? "COUNT(*) over the run's window, in the read's snapshot"
                    : "COUNT(*) over the run's window (the database gives no snapshot: rows changed during the"
                            + " read can differ)";
            q = query(run.connection(), sink);
            split = splitLoad(run, q, sink);
            if (split == null && endpoint.isIncremental()) {
                readIncrement(run, q, sink);
            } else if (split == null) {
                readAll(run, q, sink);
            }
        } catch (CamelJdbcReader.SourceReadException e) {
            throw e.getCause();
        }
        if (split != null) {
            // the ranges are read on transactions of their own; the planning one is closed by now
            try {
                split.read(q, sink);
            } catch (CamelJdbcReader.SourceReadException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * The run's split load, or null when the run reads as without a split: no split options, a dry run, an
     * incremental table that has its watermark (a split load is a full or first load only), or an empty table.
     */
    private SplitLoad splitLoad(CamelJdbcReader.Run run, TableQuery q, BatchSink sink) throws SQLException {
        if (!endpoint.isSplit() || sink.isDryRun()) {
            return null;
        }
        if (endpoint.isIncremental() && stateStore().watermark(feedId()).isPresent()) {
            if (!stateStore().splitRanges(feedId()).isEmpty()) {
                stateStore().dropSplit(feedId()); // operations set a watermark during the load: the feed goes on from it
            }
            return null;
        }
        SplitLoad load = new SplitLoad(endpoint, reader, stateStore(), feedId(), instanceId(), pace,
                endpoint.isIncremental() ? lookBack : null);
        return load.plan(run.connection(), q, currentRunId(), run.snapshot()) ? load : null;
    }

    @Override
    protected void doStart() throws Exception {
        reader = new CamelJdbcReader(endpoint.getCamelContext(), "jdbc-incremental:" + endpoint.getTable(),
                endpoint.getDataSource(), endpoint.getFetchSize(), endpoint.getQueryTimeout());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (reader != null) {
            reader.stop();
        }
    }

    /** The source's count for the run, taken in the read's transaction before the first row is read. */
    private long count(Connection connection, String sql, LocalDateTime from) throws SQLException {
        try (PreparedStatement ps = prepare(connection, sql)) {
            if (from != null) {
                ps.setObject(1, from);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Tells the sink the source's count and the rows skipped as already delivered; a run that stopped at
     * {@code maxRowsPerRun} holds only what it took, the rest is the next run's.
     */
    private void account(BatchSink sink, long count, long taken, long skipped, boolean limited) {
        sink.skipped(skipped);
        if (limited) {
            sink.sourceCount(Math.min(count, taken + skipped), countMethod + ", up to maxRowsPerRun");
        } else {
            sink.sourceCount(count, countMethod);
        }
    }

    /**
     * The run's statements, from the table as the database describes it now, after the schema check: a column the
     * mapping or the options read that is gone (or a mapped column whose type changed) stops the run before any row
     * is read.
     */
    private TableQuery query(Connection connection, BatchSink sink) throws SQLException {
        TableQuery.Shape shape = TableQuery.describe(connection, endpoint.getTable());
        Map<String, String> options = new LinkedHashMap<>();
        List<String> listed = endpoint.columnList();
        for (int i = 0; i < listed.size(); i++) {
            options.put("columns[" + i + "]", listed.get(i));
        }
        options.put("keyColumn", endpoint.getKeyColumn());
        if (endpoint.isIncremental()) {
            options.put("changeColumn", endpoint.getChangeColumn());
        }
        if (endpoint.isSplit()) {
            options.put("splitColumn", endpoint.getSplitColumn());
        }
        checkSourceSchema(shape.label(), shape.columns(), options, sink);
        return TableQuery.of(shape, listed, endpoint.getKeyColumn(),
                endpoint.isIncremental() ? endpoint.getChangeColumn() : null,
                endpoint.isSplit() ? endpoint.getSplitColumn() : null);
    }

    private void readAll(CamelJdbcReader.Run run, TableQuery q, BatchSink sink) throws Exception {
        long count = count(run.connection(), q.countAll(), null);
        Iterator<Object[]> rows = run.rows(q.selectAll(), Map.of(), q.columns().size());
        SourceLayout layout = new SourceLayout(q.columns());
        List<SourceRecord> batch = new ArrayList<>(endpoint.getBatchSize());
        long read = 0;
        while (withinLimit(read) && rows.hasNext()) {
            gently();
            Object[] values = rows.next();
            batch.add(new SourceRecord(String.valueOf(values[q.keyIndex()]), layout, values));
            read++;
            if (batch.size() == endpoint.getBatchSize()) {
                sink.deliver(batch, Checkpoint.NONE);
                batch = new ArrayList<>(endpoint.getBatchSize());
            }
        }
        if (!batch.isEmpty()) {
            sink.deliver(batch, Checkpoint.NONE);
        }
        account(sink, count, read, 0, !withinLimit(read));
    }

    private void readIncrement(CamelJdbcReader.Run run, TableQuery q, BatchSink sink) throws Exception {
        Optional<Watermark> stored = stateStore().watermark(feedId());
        Watermark watermark = stored.orElse(null);
        Set<String> seen = Set.of();
        Iterator<Object[]> rows;
        long count;
        if (watermark == null) {
            count = count(run.connection(), q.countAll(), null);
            rows = run.rows(q.selectAll(), Map.of(), q.columns().size());
        } else {
            LocalDateTime from = watermark.changeTime().minus(lookBack);
            seen = stateStore().seenSince(feedId(), from);
            count = count(run.connection(), q.countSince(), from);
            rows = run.rows(q.selectSinceNamed(), Map.of(TableQuery.SINCE, from), q.columns().size());
        }
        long skipped = 0;
        SourceLayout layout = new SourceLayout(q.columns());
        List<SourceRecord> batch = new ArrayList<>(endpoint.getBatchSize());
        List<LocalDateTime> times = new ArrayList<>(endpoint.getBatchSize());
        long read = 0;
        while (withinLimit(read) && rows.hasNext()) {
            gently();
            Object[] values = rows.next();
            LocalDateTime changed = toLocalDateTime(values[q.changeIndex()]);
            String key = String.valueOf(values[q.keyIndex()]);
            if (changed != null && !seen.isEmpty() && seen.contains(key + '\u0000' + changed)) {
                skipped++;
                continue; // inside the look-back window and already delivered
            }
            values[q.changeIndex()] = changed;
            batch.add(new SourceRecord(key, layout, values));
            times.add(changed);
            read++;
            if (batch.size() == endpoint.getBatchSize()) {
                watermark = deliver(sink, batch, times, watermark);
                batch = new ArrayList<>(endpoint.getBatchSize());
                times = new ArrayList<>(endpoint.getBatchSize());
            }
        }
        if (!batch.isEmpty()) {
            deliver(sink, batch, times, watermark);
        }
        account(sink, count, read, skipped, !withinLimit(read));
    }

    /** Delivers a batch with the watermark it reaches and the rows to remember; returns the new watermark. */
    private Watermark deliver(BatchSink sink, List<SourceRecord> batch, List<LocalDateTime> times,
            Watermark current) {
        Watermark next = current;
        for (int i = batch.size() - 1; i >= 0; i--) {
            LocalDateTime t = times.get(i);
            if (t != null) {
                if (current == null || !t.isBefore(current.changeTime())) {
                    next = new Watermark(t, batch.get(i).sourceKey());
                }
                break;
            }
        }
        List<SeenRow> remember = new ArrayList<>();
        LocalDateTime forgetBefore = next == null ? null : next.changeTime().minus(lookBack);
        if (forgetBefore != null) {
            for (int i = 0; i < batch.size(); i++) {
                LocalDateTime t = times.get(i);
                if (t != null && !t.isBefore(forgetBefore)) {
                    remember.add(new SeenRow(batch.get(i).sourceKey(), t));
                }
            }
        }
        sink.deliver(batch, new Checkpoint(next, remember, forgetBefore));
        return next;
    }

    /** Waits for the row's turn under {@code maxRowsPerSecond}. */
    private void gently() {
        if (pace != null) {
            pace.acquire();
        }
    }

    private boolean withinLimit(long read) {
        return endpoint.getMaxRowsPerRun() <= 0 || read < endpoint.getMaxRowsPerRun();
    }

    private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(endpoint.getFetchSize());
        ps.setQueryTimeout(endpoint.getQueryTimeout());
        return ps;
    }

    /** The change time as the source's local clock, truncated to microseconds (what every store keeps). */
    static LocalDateTime toLocalDateTime(Object v) {
        LocalDateTime t;
        if (v == null) {
            return null;
        } else if (v instanceof LocalDateTime ldt) {
            t = ldt;
        } else if (v instanceof LocalDate d) {
            t = d.atStartOfDay();
        } else if (v instanceof OffsetDateTime odt) {
            t = odt.toLocalDateTime();
        } else {
            throw new IllegalStateException("The change column holds " + v.getClass().getSimpleName()
                    + " values; it must be a TIMESTAMP or DATE column");
        }
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    /** The instance the split load's claims name: the state store's ({@code hub.cluster.instance-id}), or this host. */
    private String instanceId() {
        String id = stateStore().instanceId();
        return id != null ? id : org.exchangehub.state.InstanceId.ofThisProcess();
    }
}
