package org.exchangehub.source.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.google.common.util.concurrent.RateLimiter;
import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.Checkpoint;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.state.KeyRange;
import org.exchangehub.state.RangeProgress;
import org.exchangehub.state.SeenRow;
import org.exchangehub.state.StateStore;

/**
 * One run of a split load: a full load, or an incremental table's first load, cut into key ranges of the split
 * column that are planned and claimed in the state store and read in parallel, each on a read-only transaction of
 * its own. Every batch carries its range's progress, committed with the batch after every sink confirmed it, so a
 * stopped load resumes range by range; when every range is done, an incremental table's watermark is set once, to
 * the latest change time of the whole load.
 */
final class SplitLoad {

    private final JdbcIncrementalEndpoint endpoint;
    private final CamelJdbcReader reader;
    private final StateStore state;
    private final String feedId;
    private final String instance;
    private final RateLimiter pace;
    private final Duration lookBack;
    private final AtomicLong taken = new AtomicLong();
    private volatile boolean stopped;
    private String countMethod;

    /**
     * @param pace     paces the rows of every range together, or null without {@code maxRowsPerSecond}
     * @param lookBack the look-back window of an incremental table, or null for a full load
     */
    SplitLoad(JdbcIncrementalEndpoint endpoint, CamelJdbcReader reader, StateStore state, String feedId,
            String instance, RateLimiter pace, Duration lookBack) {
        this.endpoint = endpoint;
        this.reader = reader;
        this.state = state;
        this.feedId = feedId;
        this.instance = instance;
        this.pace = pace;
        this.lookBack = lookBack;
    }

    /**
     * Takes the load's plan from the state store, or plans it from the split column's smallest and largest value
     * (read on {@code connection}); false when there is nothing to split (an empty table).
     */
    boolean plan(Connection connection, TableQuery q, String runId, boolean snapshot) throws SQLException {
        countMethod = snapshot ? "COUNT(*) over each key range read, in the range's snapshot"
                : "COUNT(*) over each key range read (the database gives no snapshot: rows changed during the read"
                        + " can differ)";
        if (!state.splitRanges(feedId).isEmpty()) {
            return true;
        }
        TableQuery.Split split = q.split();
        Object min;
        Object max;
        long nulls;
        try (PreparedStatement ps = statement(connection, split.bounds()); ResultSet rs = ps.executeQuery()) {
            rs.next();
            min = rs.getObject(1);
            max = rs.getObject(2);
            nulls = rs.getLong(3);
        }
        if (nulls > 0) {
            throw new SQLException("option splitColumn: " + nulls + " row(s) have no value in column '"
                    + split.column() + "' and would fall in no key range; split by a column without NULLs (the key)");
        }
        if (min == null) {
            return false;
        }
        if (!isInteger(split.type())) {
            throw new SQLException("option splitColumn: column '" + split.column() + "' is of type " + split.type()
                    + "; split by an integer column (the key)");
        }
        if (isDecimal(split.type()) && count(connection, split.fractions()) > 0) {
            throw new SQLException("option splitColumn: column '" + split.column() + "' holds values that are not"
                    + " whole numbers; split by an integer column (the key)");
        }
        state.planSplit(feedId, runId, cut(whole(min), whole(max), endpoint.getSplitChunks()));
        return true;
    }

    /**
     * Reads every range not yet done, {@code splitThreads} at a time, then, once every batch is committed, ends the
     * load if every range is done (a run stopped by {@code maxRowsPerRun} leaves the rest to the next run).
     */
    void read(TableQuery q, BatchSink sink) throws Exception {
        // One instance runs a feed at a time (its leader in cluster mode, where a leader that lost the feed is
        // fenced and its commits refused), so every claim still open is of a run that ended: all go back to open.
        state.reopenRanges(feedId, instance, Instant.now().plusSeconds(1));
        int threads = Math.min(endpoint.getSplitThreads(), endpoint.getSplitChunks());
        ExecutorService pool = endpoint.getCamelContext().getExecutorServiceManager()
                .newFixedThreadPool(this, "jdbc-incremental split " + feedId, threads);
        Exception failure = null;
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    claimAndRead(q, sink);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    Exception cause = e.getCause() instanceof Exception x ? x : e;
                    if (failure == null) {
                        failure = cause;
                    } else if (failure != cause) {
                        failure.addSuppressed(cause);
                    }
                }
            }
        } finally {
            endpoint.getCamelContext().getExecutorServiceManager().shutdownNow(pool);
        }
        if (failure != null) {
            throw failure;
        }
        sink.flush();
        if (!state.finishSplit(feedId, lookBack)) {
            List<KeyRange> ranges = state.splitRanges(feedId);
            long done = ranges.stream().filter(r -> KeyRange.DONE.equals(r.status())).count();
            sink.note("split load: " + done + " of " + ranges.size() + " key ranges done; the next run reads on");
        }
    }

    private void claimAndRead(TableQuery q, BatchSink sink) throws Exception {
        try {
            while (!stopped && withinLimit()) {
                Optional<KeyRange> range = state.claimRange(feedId, instance);
                if (range.isEmpty()) {
                    return;
                }
                readRange(range.get(), q, sink);
            }
        } catch (Exception | Error e) {
            stopped = true; // the other ranges stop at their next row; what they committed stays
            throw e;
        }
    }

    private void readRange(KeyRange range, TableQuery q, BatchSink sink) throws Exception {
        long from = range.resumeFrom();
        if (from > range.hi()) {
            state.commitRange(feedId, new RangeProgress(range.number(), instance, range.hi(), 0, range.maxChange(),
                    range.maxChangeKey(), true));
            return;
        }
        TableQuery.Split split = q.split();
        int changeIndex = q.changeIndex();
        SourceLayout layout = new SourceLayout(q.columns());
        Progress progress = new Progress(range);
        try (CamelJdbcReader.Run run = reader.begin()) {
            long count = count(run.connection(), split.countRange(), from, range.hi());
            Iterator<Object[]> rows = run.rows(split.selectRange(), Map.of(TableQuery.LO, from, TableQuery.HI,
                    range.hi()), q.columns().size());
            List<SourceRecord> batch = new ArrayList<>(endpoint.getBatchSize());
            List<LocalDateTime> times = new ArrayList<>();
            long read = 0;
            Long last = null;
            boolean limited = false;
            while (!stopped && rows.hasNext()) {
                Object[] values = rows.next();
                long at = whole(values[split.index()]);
                boolean boundary = last == null || at != last;
                if (boundary && !withinLimit()) {
                    limited = true;
                    break;
                }
                // a batch ends only between two split values, so that the committed progress is exact
                if (boundary && batch.size() >= endpoint.getBatchSize()) {
                    deliver(sink, batch, times, progress.next(last, batch.size(), false));
                    batch = new ArrayList<>(endpoint.getBatchSize());
                    times = new ArrayList<>();
                }
                if (pace != null) {
                    pace.acquire();
                }
                String key = String.valueOf(values[q.keyIndex()]);
                if (changeIndex >= 0) {
                    LocalDateTime changed = JdbcIncrementalConsumer.toLocalDateTime(values[changeIndex]);
                    values[changeIndex] = changed;
                    times.add(changed);
                    progress.changed(changed, key);
                }
                batch.add(new SourceRecord(key, layout, values));
                taken.incrementAndGet();
                read++;
                last = at;
            }
            if (stopped) {
                return; // the run failed elsewhere: nothing more of this range is delivered
            }
            boolean done = !limited;
            if (!batch.isEmpty()) {
                deliver(sink, batch, times, progress.next(last, batch.size(), done));
            } else if (done) {
                state.commitRange(feedId, progress.next(range.hi(), 0, true));
            }
            synchronized (sink) {
                sink.sourceCount(limited ? Math.min(count, read) : count, countMethod
                        + (limited ? ", up to maxRowsPerRun" : ""));
            }
        }
    }

    /** Hands a batch on (one range at a time: the sink keeps the batches' order) with the rows to remember. */
    private void deliver(BatchSink sink, List<SourceRecord> batch, List<LocalDateTime> times, RangeProgress p) {
        List<SeenRow> remember = new ArrayList<>();
        if (lookBack != null && p.maxChange() != null) {
            // the load's watermark is at or after this range's latest change: these rows cover its look-back
            LocalDateTime from = p.maxChange().minus(lookBack);
            for (int i = 0; i < batch.size(); i++) {
                LocalDateTime t = times.get(i);
                if (t != null && !t.isBefore(from)) {
                    remember.add(new SeenRow(batch.get(i).sourceKey(), t));
                }
            }
        }
        synchronized (sink) {
            sink.deliver(batch, Checkpoint.range(p, remember));
        }
    }

    private boolean withinLimit() {
        return endpoint.getMaxRowsPerRun() <= 0 || taken.get() < endpoint.getMaxRowsPerRun();
    }

    /** The latest change time in one range so far, carried into each batch's progress. */
    private final class Progress {

        private final int number;
        private LocalDateTime maxChange;
        private String maxChangeKey;

        Progress(KeyRange range) {
            this.number = range.number();
            this.maxChange = range.maxChange();
            this.maxChangeKey = range.maxChangeKey();
        }

        void changed(LocalDateTime time, String key) {
            if (time != null && (maxChange == null || time.isAfter(maxChange))) {
                maxChange = time;
                maxChangeKey = key;
            }
        }

        RangeProgress next(long lastKey, long rows, boolean done) {
            return new RangeProgress(number, instance, lastKey, rows, maxChange, maxChangeKey, done);
        }
    }

    /** Cuts {@code [min, max]} into at most {@code chunks} ranges of equal span, both bounds inclusive. */
    static List<long[]> cut(long min, long max, int chunks) {
        BigInteger span = BigInteger.valueOf(max).subtract(BigInteger.valueOf(min)).add(BigInteger.ONE);
        BigInteger n = span.min(BigInteger.valueOf(chunks));
        BigInteger size = span.add(n).subtract(BigInteger.ONE).divide(n);
        List<long[]> ranges = new ArrayList<>();
        BigInteger lo = BigInteger.valueOf(min);
        BigInteger end = BigInteger.valueOf(max);
        while (lo.compareTo(end) <= 0) {
            BigInteger hi = lo.add(size).subtract(BigInteger.ONE).min(end);
            ranges.add(new long[] {lo.longValueExact(), hi.longValueExact()});
            lo = hi.add(BigInteger.ONE);
        }
        return ranges;
    }

    private long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement ps = statement(connection, sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private PreparedStatement statement(Connection connection, String sql) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        ps.setQueryTimeout(endpoint.getQueryTimeout());
        return ps;
    }

    private static boolean isInteger(String type) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        return t.contains("INT") || t.contains("SERIAL") || isDecimal(t);
    }

    private static boolean isDecimal(String type) {
        String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
        return t.startsWith("NUMERIC") || t.startsWith("DECIMAL") || t.startsWith("NUMBER");
    }

    /** A split-column value as a long; fails on anything but a whole number that fits. */
    private static long whole(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        try {
            if (v instanceof BigDecimal d) {
                return d.longValueExact();
            } else if (v instanceof BigInteger i) {
                return i.longValueExact();
            }
        } catch (ArithmeticException e) {
            throw new IllegalStateException("option splitColumn: a value is not a whole number within the range of a"
                    + " 64-bit integer; split by an integer column (the key)", e);
        }
        throw new IllegalStateException("option splitColumn: the column holds " + (v == null ? "NULL"
                : v.getClass().getSimpleName()) + " values; split by an integer column (the key)");
    }
}
