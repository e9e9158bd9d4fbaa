package org.exchangehub.feed;

import static com.google.common.util.concurrent.Uninterruptibles.awaitUninterruptibly;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.kamelet.KameletEndpoint;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.Violation;
import org.exchangehub.state.FeedFencedException;
import org.exchangehub.state.Reconciliation;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base of every feed source: one poll is one run. A subclass streams the source's records in batches
 * through {@link BatchSink}; each batch goes down the route as one exchange, and the source's state for
 * it (watermark, quarantine) is committed through the exchange's unit of work, i.e. only after every
 * sink confirmed it. A failed batch ends the run; the exchange log records every run.
 */
public abstract class FeedConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);

    private final StateStore state;
    private final FeedRegistry registry;
    private final String configuredFeedId;
    private final ReentrantLock runLock = new ReentrantLock();
    private final Clock clock = Clock.systemUTC();

    private volatile String feedId;
    private volatile RunRecord lastRun;
    private volatile String currentRunId;
    private volatile boolean paused;
    private volatile FeedTotals totals = FeedTotals.NONE;
    private volatile Instant startedAt;
    private volatile Instant lastScheduledRunEnd;
    private volatile boolean pipelined = true;

    protected FeedConsumer(Endpoint endpoint, Processor processor, StateStore state, FeedRegistry registry,
            String configuredFeedId) {
        super(endpoint, processor);
        this.state = state;
        this.registry = registry;
        this.configuredFeedId = configuredFeedId;
    }

    /**
     * Reads the source from its stored state and hands every record to {@code sink} in batches.
     *
     * @param sink where the batches go
     * @throws Exception when the source cannot be read; the run fails and state stays where it was
     */
    protected abstract void read(BatchSink sink) throws Exception;

    /** The feed id: the id of the route that consumes this source (the route id is the feed's API). */
    public String feedId() {
        return feedId;
    }

    public StateStore stateStore() {
        return state;
    }

    /**
     * Checks the source's columns before a run reads anything (schema drift): a column the feed's mapping or the
     * source's options read that is gone, or a mapped column whose type changed since the last run, stops the run
     * with the column, the mapping file and the fix; a new column nothing reads is reported once, in the run's log
     * line, its exchange-log entry and {@code hub.feed.source.columns.added}, and changes nothing.
     *
     * @param source  what the columns belong to, for messages (e.g. {@code table T_QYDJ})
     * @param columns the source's columns now, name to type, in the source's order
     * @param options columns the source's own options name (option to column)
     * @throws SourceSchemaChangedException when the run must stop
     */
    protected final void checkSourceSchema(String source, Map<String, String> columns, Map<String, String> options,
            BatchSink sink) {
        MappedColumns mapped = mappedColumns();
        Map<String, String> previous = state.sourceColumns(feedId);
        SourceSchemaCheck.Drift drift = SourceSchemaCheck.compare(feedId, source, columns, previous, mapped, options);
        if (!drift.isEmpty()) {
            sink.note(drift.describe(source, mapped));
            if (!drift.added().isEmpty()) {
                registry.sourceColumnsAdded(this, List.copyOf(drift.added().keySet()));
            }
        }
        if (!sink.isDryRun() && !columns.equals(previous)) {
            state.rememberSourceColumns(feedId, columns);
        }
    }

    /** The source columns the feed's mapping reads, or null when its route maps nothing. */
    protected final MappedColumns mappedColumns() {
        SourceExpectations expectations = getEndpoint().getCamelContext().getRegistry()
                .findSingleByType(SourceExpectations.class);
        return expectations == null ? null : expectations.of(getEndpoint().getCamelContext(), feedId).orElse(null);
    }

    /** Forgets the source columns the last run saw: the next run takes the source's schema as it is then. */
    public void acceptSourceSchema() {
        state.forgetSourceColumns(knownFeedId());
    }

    /** The id of the run in progress, for a source's own reports; null between runs. */
    protected final String currentRunId() {
        return currentRunId;
    }

    /** The last finished run, or null before the first. */
    public RunRecord lastRun() {
        return lastRun;
    }

    public boolean isPaused() {
        return paused;
    }

    /** Counters and totals since this consumer started. */
    public FeedTotals totals() {
        return totals;
    }

    /** Running, paused, failing (the last run failed) or idle. */
    public FeedStatus status() {
        if (runLock.isLocked()) {
            return FeedStatus.RUNNING;
        }
        if (paused) {
            return FeedStatus.PAUSED;
        }
        return totals.consecutiveFailures() > 0 ? FeedStatus.FAILING : FeedStatus.IDLE;
    }

    /**
     * Whether the source gives again, run after run, records it gave before (a full-load table, a file sent again,
     * a service without a change-time filter or read again by window), so that the mapping step leaves out what an
     * earlier run delivered unchanged ({@code skipUnchanged: auto}). Sources that remember their rows say no.
     */
    public boolean rereadsUnchangedRecords() {
        return true;
    }

    /** The time between the end of one scheduled run and the start of the next (the route's period). */
    public Duration period() {
        return Duration.ofMillis(getTimeUnit().toMillis(getDelay()));
    }

    /**
     * When the scheduler will start the next run, or empty when it will not (paused, scheduling suspended,
     * stopped) or cannot tell (a scheduler other than the fixed-delay one, e.g. cron).
     */
    public Optional<Instant> nextScheduledRun() {
        if (paused || registry.isSchedulingSuspended() || !isRunAllowed() || startedAt == null
                || !isUseFixedDelay() || getScheduler() != null && !(getScheduler()
                        instanceof org.apache.camel.support.DefaultScheduledPollConsumerScheduler)) {
            return Optional.empty();
        }
        Instant last = lastScheduledRunEnd;
        Instant next = last == null
                ? startedAt.plusMillis(getTimeUnit().toMillis(Math.max(0, getInitialDelay())))
                : last.plus(period());
        if (runLock.isLocked() && last != null && !next.isAfter(clock.instant())) {
            return Optional.empty(); // the scheduled run is in progress
        }
        return Optional.of(next);
    }

    /**
     * A check that the source can be reached, for health checks; empty when this source has none.
     * Sources override this (the JDBC source checks a connection).
     */
    public Optional<SourceProbe> sourceProbe() {
        return Optional.empty();
    }

    /**
     * Sets the watermark (operations: rewind), or clears it when null so that the next run reads everything,
     * waiting for a run in progress to end first. The next run re-reads from there.
     */
    public void rewind(Watermark watermark) {
        runLock.lock();
        try {
            state.resetWatermark(feedId, watermark);
            LOG.info("feed {}: watermark rewound to {} by operations", feedId, watermark == null ? "none"
                    : watermark.changeTime());
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Sends records taken back from the quarantine down this feed's route as a run of their own (operations:
     * replay after a mapping fix): those the mapping now accepts are delivered, the rest are quarantined again
     * under the new run. The watermark does not move.
     *
     * @param replayOf the run whose rejects these are, kept in the new run's receipt
     * @param records  the records, re-read from their raw forms
     * @param batchSize records per batch
     */
    public RunRecord replay(String replayOf, List<SourceRecord> records, int batchSize) {
        runLock.lock();
        try {
            return doRun(sink -> {
                sink.sourceCount(records.size(), "records taken back from the quarantine");
                for (int from = 0; from < records.size(); from += batchSize) {
                    sink.deliver(records.subList(from, Math.min(records.size(), from + batchSize)), Checkpoint.NONE);
                }
            }, replayOf);
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Whether a run delivers its batches on a delivery thread of its own while the source reads on, and writes each
     * to the lake on a write stage while the next is mapped (default, see {@link WriteStage}), or reads, maps and
     * writes on the one polling thread. Order, commits and failure semantics are the same.
     */
    public boolean isPipelined() {
        return pipelined;
    }

    public void setPipelined(boolean pipelined) {
        this.pipelined = pipelined;
    }

    /** Stops scheduled runs until {@link #resume()}; a run in progress finishes. */
    public void pause() {
        paused = true;
    }

    public void resume() {
        paused = false;
    }

    @Override
    protected void doStart() throws Exception {
        feedId = resolveFeedId();
        startedAt = clock.instant();
        lastScheduledRunEnd = null;
        if (feedId != null) {
            registry.register(this);
        } else {
            registry.awaitId(this);
        }
        super.doStart();
    }

    /**
     * The feed id once known. When routes are reloaded in development, a source starts before the route that
     * consumes it is registered; it then takes its id, and registers, when it first runs.
     */
    private String knownFeedId() {
        if (!tryResolveFeedId()) {
            throw new IllegalStateException("Cannot find the route that consumes " + getRouteId()
                    + "; set the source's 'feed' option to the route id");
        }
        return feedId;
    }

    /** Takes the feed id and registers, if not done yet and the consuming route is now known; true when known. */
    synchronized boolean tryResolveFeedId() {
        if (feedId == null && isStarted()) {
            String resolved = resolveFeedId();
            if (resolved == null) {
                return false;
            }
            feedId = resolved;
            registry.register(this);
        }
        return feedId != null;
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        registry.forget(this);
        if (feedId != null) { // a consumer that never started (its route failed to start) never registered
            registry.unregister(this);
        }
    }

    @Override
    public boolean isPollAllowed() {
        return super.isPollAllowed() && !paused && !registry.isSchedulingSuspended()
                && (feedId == null || state.holdsFeed(feedId));
    }

    @Override
    protected int poll() {
        if (!tryResolveFeedId()) {
            // a connector route left without the route that consumed it (routes being reloaded): nothing to run
            LOG.debug("{} has no consuming route; not running", getRouteId());
            return 0;
        }
        try {
            RunRecord run = runNow();
            return (int) Math.min(Integer.MAX_VALUE, run.rowsRead());
        } finally {
            lastScheduledRunEnd = clock.instant();
        }
    }

    /** Runs the feed once now (waiting for a run in progress to end first) and returns its exchange-log entry. */
    public RunRecord runNow() {
        runLock.lock();
        try {
            return doRun(this::read, null);
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Runs the feed once now on records another component hands over (the {@code hub-feed} step of a route whose
     * origin is any Camel endpoint), waiting for a run in progress to end first; returns once every batch was
     * delivered and committed, or the run failed.
     */
    protected final RunRecord runOn(RunReader reader) {
        runLock.lock();
        try {
            return doRun(reader, null);
        } finally {
            runLock.unlock();
        }
    }

    /** What a run reads: the feed's source, records replayed from the quarantine, or a dry run's sample file. */
    @FunctionalInterface
    public interface RunReader {
        void read(BatchSink sink) throws Exception;
    }

    /**
     * Reads at most {@code limit} records from the feed's own source and sends them down the real route as a
     * dry run: sinks skip delivery, and no watermark, quarantine or exchange-log entry is written.
     */
    public DryRun dryRun(int limit) {
        return dryRun(limit, this::read);
    }

    /** As {@link #dryRun(int)}, with the records read by {@code reader} instead of the feed's source. */
    public DryRun dryRun(int limit, RunReader reader) {
        runLock.lock();
        try {
            DryRun result = new DryRun(knownFeedId(), Math.max(0, limit));
            DryRunSink sink = new DryRunSink("dry-run-" + RunIds.next(clock.instant()), limit, result);
            try {
                reader.read(sink);
                sink.flushPendingRejections();
            } catch (Exception e) {
                if (!DryRunSink.limitReached(e)) {
                    throw e instanceof FeedRunException f ? f
                            : new FeedRunException("dry run of " + feedId + " failed: " + describe(e), e);
                }
            }
            return result;
        } finally {
            runLock.unlock();
        }
    }

    private RunRecord doRun(RunReader reader, String replayOf) {
        knownFeedId();
        if (!state.holdsFeed(feedId)) {
            throw new FeedRunException("feed " + feedId + " is not held by this instance (" + state.instanceId()
                    + "): in cluster mode only the feed's leader runs it" + state.feedLeader(feedId)
                            .map(l -> ", now instance " + l.instanceId()).orElse(""), null);
        }
        Instant startedAt = clock.instant();
        String runId = RunIds.next(startedAt);
        String before = state.watermark(feedId).map(Watermark::toString).orElse(null);
        state.runStarted(runId, feedId, startedAt, before);
        Run run = new Run(runId, startedAt, pipelined);
        run.receipt.replayOf(replayOf);
        RunStatus status = RunStatus.SUCCEEDED;
        String error = null;
        currentRunId = runId;
        try {
            reader.read(run);
            run.flushPendingRejections();
            run.flush();
        } catch (Exception e) {
            status = RunStatus.FAILED;
            error = describe(e);
        } finally {
            run.close(); // a batch still in delivery (the source failed while it was) ends before the run is recorded
            currentRunId = null;
        }
        String after = state.watermark(feedId).map(Watermark::toString).orElse(null);
        Reconciliation reconciliation = status == RunStatus.SUCCEEDED ? run.reconciliation() : null;
        run.receipt.reconciliation(reconciliation);
        RunRecord record = new RunRecord(runId, feedId, startedAt, clock.instant(), run.read, run.delivered,
                run.rejected, run.warnings, before, after, status, error, run.receipt.toJson(), run.unchanged,
                reconciliation, state.instanceId());
        state.runFinished(record);
        lastRun = record;
        totals = totals.plus(record);
        logSummary(record, run.notes);
        registry.runFinished(this, record, run.reasons);
        return record;
    }

    private void logSummary(RunRecord r, List<String> notes) {
        long millis = Duration.between(r.startedAt(), r.endedAt()).toMillis();
        if (r.isUnreconciled()) {
            Reconciliation rec = r.reconciliation();
            LOG.warn("feed {} run {} UNRECONCILED: the source holds {} records for the run ({}), the hub accounted for"
                    + " {} (delivered {}, rejected {}, unchanged {}, superseded and skipped {}); {} record(s) {}",
                    r.feedId(), r.runId(), rec.sourceCount(), rec.method(), rec.accounted(), r.rowsDelivered(),
                    r.rowsRejected(), r.rowsUnchanged(), rec.accounted() - r.rowsDelivered() - r.rowsRejected()
                            - r.rowsUnchanged(), Math.abs(rec.sourceCount() - rec.accounted()),
                    rec.sourceCount() > rec.accounted() ? "missing between the source and the sinks"
                            : "more than the source holds");
        }
        if (r.status() == RunStatus.SUCCEEDED && !notes.isEmpty()) {
            LOG.warn("feed {} run {} {}: read {}, delivered {}, unchanged {}, rejected {}, warnings {}, watermark {} -> {},"
                    + " {} ms; {}", r.feedId(), r.runId(), r.status(), r.rowsRead(), r.rowsDelivered(), r.rowsUnchanged(),
                    r.rowsRejected(),
                    r.warnings(), changeTime(r.watermarkBefore()), changeTime(r.watermarkAfter()), millis,
                    String.join("; ", notes));
        } else if (r.status() == RunStatus.SUCCEEDED) {
            LOG.info("feed {} run {} {}: read {}, delivered {}, unchanged {}, rejected {}, warnings {}, watermark {} -> {},"
                    + " {} ms", r.feedId(), r.runId(), r.status(), r.rowsRead(), r.rowsDelivered(), r.rowsUnchanged(),
                    r.rowsRejected(),
                    r.warnings(), changeTime(r.watermarkBefore()), changeTime(r.watermarkAfter()), millis);
        } else {
            LOG.warn("feed {} run {} {}: read {}, delivered {}, rejected {}, watermark {} -> {}, {} ms: {}",
                    r.feedId(), r.runId(), r.status(), r.rowsRead(), r.rowsDelivered(), r.rowsRejected(),
                    changeTime(r.watermarkBefore()), changeTime(r.watermarkAfter()), millis, r.error());
        }
    }

    /** A watermark's change time only: its key may be personal data (an ID number) and never goes to the log. */
    private static String changeTime(String watermark) {
        if (watermark == null) {
            return null;
        }
        int slash = watermark.indexOf('/');
        return slash < 0 ? watermark : watermark.substring(0, slash);
    }

    /** The root cause's type and message: enough to act on, without a stack trace in the exchange log. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = e.getMessage();
        if (top == null) {
            return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        }
        if (root == e || (root.getMessage() != null && top.contains(root.getMessage()))) {
            return top;
        }
        return top + " (caused by " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
    }

    private String resolveFeedId() {
        if (configuredFeedId != null && !configuredFeedId.isBlank()) {
            return configuredFeedId;
        }
        String routeId = getRouteId();
        Route route = routeId == null ? null : getEndpoint().getCamelContext().getRoute(routeId);
        if (route != null && route.isCreatedByKamelet()) {
            // The route an engineer wrote consumes from kamelet:<connector>/<this route's id>
            for (Route candidate : getEndpoint().getCamelContext().getRoutes()) {
                if (candidate.getEndpoint() instanceof KameletEndpoint kamelet && routeId.equals(kamelet.getRouteId())) {
                    return candidate.getRouteId();
                }
            }
            return null; // routes being reloaded: the engineer's route is registered only after this one starts
        }
        if (routeId == null) {
            throw new IllegalStateException("Cannot tell the feed id of " + getEndpoint()
                    + ": give the route an id or set the source's 'feed' option");
        }
        return routeId;
    }

    /**
     * One run: counts, the batches' receipt, and rejections found by the source waiting for a batch. Pipelined, a
     * run has three threads: batches are built on the reading thread, mapped on the delivery lane's thread, and
     * written to the lake, delivered to the later sinks and committed on the write stage's thread (see
     * {@link WriteStage}), batch n there while batch n+1 is mapped. Batches are written, delivered and committed
     * strictly in order, each commit after every sink confirmed the batch; after the first failure (in batch order:
     * a batch that fails before the stage first lets the batch in the stage end) nothing later is written or
     * committed and the run fails with that reason. A batch's counts are added where it completes, one batch at a
     * time; they are read only after both lanes were closed.
     */
    private final class Run implements BatchSink {

        private final String runId;
        private final Instant startedAt;
        private final RunReceipt receipt = new RunReceipt();
        private final List<Rejection> pendingRejections = new ArrayList<>();
        private int batchIndex;
        private long read;
        private long delivered;
        private long rejected;
        private long unchanged;
        private long superseded;
        private long skipped;
        private Long sourceCount;
        private final java.util.Set<String> countMethods = new java.util.LinkedHashSet<>();
        private long warnings;
        private final Map<ReasonCode, Long> reasons = new EnumMap<>(ReasonCode.class);

        private final DeliveryLane lane;
        private final DeliveryLane stage;
        private final List<String> notes = new ArrayList<>();

        Run(String runId, Instant startedAt, boolean pipelined) {
            this.runId = runId;
            this.startedAt = startedAt;
            this.lane = pipelined ? new DeliveryLane("feed-" + feedId + "-delivery") : null;
            this.stage = pipelined ? new DeliveryLane("feed-" + feedId + "-write") : null;
        }

        @Override
        public void flush() {
            if (lane != null) {
                lane.awaitDone();
                stage.awaitDone();
            }
        }

        @Override
        public void note(String note) {
            notes.add(note);
            receipt.note(note);
        }

        void close() {
            if (lane != null) {
                lane.close();
                stage.close();
            }
        }

        @Override
        public void reject(Rejection rejection) {
            pendingRejections.add(rejection);
        }

        @Override
        public void sourceCount(long count, String method) {
            sourceCount = (sourceCount == null ? 0 : sourceCount) + count;
            countMethods.add(method);
        }

        @Override
        public void skipped(long count) {
            skipped += count;
        }

        /** The source's count against the account, once every batch is done; null when the source gave none. */
        Reconciliation reconciliation() {
            if (sourceCount == null) {
                return null;
            }
            return new Reconciliation(sourceCount, delivered + rejected + unchanged + superseded + skipped,
                    String.join("; ", countMethods));
        }

        void flushPendingRejections() {
            if (!pendingRejections.isEmpty()) {
                deliver(List.of(), Checkpoint.NONE);
            }
        }

        @Override
        public void deliver(List<SourceRecord> records, Checkpoint checkpoint) {
            Batch batch = new Batch(feedId, runId, batchIndex++, clock.instant(), records);
            pendingRejections.forEach(batch::addRejection);
            pendingRejections.clear();
            if (lane == null) {
                deliver(batch, checkpoint);
            } else {
                lane.hand(() -> deliver(batch, checkpoint));
            }
        }

        private void deliver(Batch batch, Checkpoint checkpoint) {
            Exchange exchange = getEndpoint().createExchange();
            exchange.getIn().setBody(batch);
            exchange.setProperty(FeedProperties.RUN_ID, runId);
            exchange.setProperty(FeedProperties.FEED_ID, feedId);
            if (receipt.isReplay()) {
                exchange.setProperty(FeedProperties.REPLAY, Boolean.TRUE);
            }
            CommitOnCompletion commit = new CommitOnCompletion(batch, checkpoint);
            exchange.getExchangeExtension().addOnCompletion(commit);
            if (stage == null) {
                try {
                    getProcessor().process(exchange);
                } catch (Exception e) {
                    exchange.setException(e);
                }
                settle(batch, exchange, commit);
                return;
            }
            StagedBatch staged = new StagedBatch(stage);
            exchange.setProperty(FeedProperties.WRITE_STAGE, staged);
            CountDownLatch completed = new CountDownLatch(1);
            try {
                getAsyncProcessor().process(exchange, doneSync -> {
                    if (staged.handed) { // the batch completes where the stage left it: its failure is the stage's
                        try {
                            settle(batch, exchange, commit);
                        } catch (RuntimeException e) {
                            stage.fail(e);
                        } finally {
                            staged.settled.countDown();
                        }
                    }
                    completed.countDown();
                });
            } catch (RuntimeException e) {
                exchange.setException(e);
                completed.countDown();
            }
            if (!staged.handed) { // it never reached the stage (failed before, or its route has no lake)
                awaitUninterruptibly(completed);
                stage.awaitDone(); // the batch before, still in the stage, ends first: its failure is the run's
                settle(batch, exchange, commit);
            }
        }

        /** After a batch's route completed: its failure as the run's, or its counts and receipt. */
        private void settle(Batch batch, Exchange exchange, CommitOnCompletion commit) {
            read += batch.records().size(); // a failed batch counts as read, one after it (never settled) not
            Exception failure = exchange.getException() != null ? exchange.getException() : commit.failure;
            if (failure != null) {
                // a failure after this instance lost the feed (paused past its lease, its sessions ended by the
                // databases) is told as what it is: the commit is refused, the new leader delivers the batch
                FeedFencedException fenced = failure instanceof FeedFencedException f ? f
                        : state.lostFeed(feedId).orElse(null);
                if (fenced != null) {
                    LOG.error("FENCED {}; batch {} of run {} was {} but not committed, and this instance stops"
                            + " running the feed (the leader re-reads from the committed watermark)",
                            fenced.getMessage(), batch.index(), runId, failure == fenced ? "delivered"
                                    : "cut off (" + describe(failure) + ")");
                    if (fenced != failure) {
                        fenced.addSuppressed(failure);
                    }
                    throw new FeedRunException("batch " + batch.index() + " not committed: " + fenced.getMessage(),
                            fenced);
                }
            }
            if (exchange.getException() != null) {
                throw new FeedRunException("batch " + batch.index() + " of run " + runId + " was not delivered: "
                        + describe(exchange.getException()), exchange.getException());
            }
            if (commit.failure != null) {
                throw new FeedRunException("batch " + batch.index() + " was delivered but its state could not be"
                        + " committed: " + describe(commit.failure), commit.failure);
            }
            delivered += batch.unified().size();
            rejected += batch.rejections().size();
            unchanged += batch.unchanged();
            superseded += batch.superseded();
            countReasons(batch.rejections());
            warnings += batch.warnings();
            receipt.add(exchange);
        }

        private void countReasons(List<Rejection> rejections) {
            EnumSet<ReasonCode> ofRecord = EnumSet.noneOf(ReasonCode.class);
            for (Rejection rejection : rejections) {
                ofRecord.clear();
                for (Violation v : rejection.violations()) {
                    ofRecord.add(v.reason());
                }
                ofRecord.forEach(r -> reasons.merge(r, 1L, Long::sum));
            }
        }
    }

    /**
     * One batch's view of the run's write stage: the stage holds the batch until it settled (committed or failed,
     * on whatever thread its route completes), so that the next batch enters the stage only after it. Whether the
     * batch was handed over is known on the delivery thread once the route returned to it.
     */
    private static final class StagedBatch implements WriteStage {

        private final DeliveryLane stage;
        private final CountDownLatch settled = new CountDownLatch(1);
        private volatile boolean handed;

        StagedBatch(DeliveryLane stage) {
            this.stage = stage;
        }

        @Override
        public boolean isStageThread() {
            return stage.isStageThread();
        }

        @Override
        public void hand(Runnable write) {
            if (handed) {
                write.run(); // a redelivery of the write, on another thread: the stage is this batch's already
                return;
            }
            handed = true; // before the stage may run it: the batch's completion must see it
            try {
                stage.hand(() -> {
                    write.run();
                    awaitUninterruptibly(settled);
                });
            } catch (RuntimeException e) {
                handed = false;
                throw e;
            }
        }
    }

    /** The sink of a dry run: batches go down the route marked as dry runs; nothing is committed. */
    private final class DryRunSink implements BatchSink {

        /** Ends the source's read once the limit is reached; never escapes {@link #dryRun}. */
        private static final class LimitReached extends RuntimeException {
            LimitReached() {
                super("dry-run limit reached", null, false, false);
            }
        }

        private final String runId;
        private final DryRun result;
        private final List<Rejection> pendingRejections = new ArrayList<>();
        private int remaining;
        private int batchIndex;

        DryRunSink(String runId, int limit, DryRun result) {
            this.runId = runId;
            this.remaining = limit <= 0 ? Integer.MAX_VALUE : limit;
            this.result = result;
        }

        static boolean limitReached(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof LimitReached) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void flush() {
            // a dry run delivers on the reading thread: every batch is done when deliver returns
        }

        @Override
        public boolean isDryRun() {
            return true;
        }

        @Override
        public void note(String note) {
            result.note(note);
        }

        @Override
        public void reject(Rejection rejection) {
            pendingRejections.add(rejection);
        }

        void flushPendingRejections() {
            if (!pendingRejections.isEmpty() && remaining <= 0) {
                result.sourceHasMore(); // malformed lines found after the limit are beyond what the run reads
            } else if (!pendingRejections.isEmpty()) {
                send(List.of());
            }
        }

        @Override
        public void deliver(List<SourceRecord> records, Checkpoint checkpoint) {
            // the read goes on after exactly the limit only to learn whether the source has more
            if (remaining <= 0) {
                if (records.isEmpty() && pendingRejections.isEmpty()) {
                    return;
                }
                result.sourceHasMore();
                throw new LimitReached();
            }
            List<SourceRecord> taken = records.size() > remaining ? records.subList(0, remaining) : records;
            remaining -= taken.size();
            send(List.copyOf(taken));
            if (taken.size() < records.size()) {
                result.sourceHasMore();
                throw new LimitReached();
            }
        }

        private void send(List<SourceRecord> records) {
            Batch batch = new Batch(feedId, runId, batchIndex++, clock.instant(), records);
            pendingRejections.forEach(batch::addRejection);
            pendingRejections.clear();
            Exchange exchange = getEndpoint().createExchange();
            exchange.getIn().setBody(batch);
            exchange.setProperty(FeedProperties.RUN_ID, runId);
            exchange.setProperty(FeedProperties.FEED_ID, feedId);
            exchange.setProperty(DryRun.PROPERTY, Boolean.TRUE);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                throw new FeedRunException("dry run of " + feedId + ": batch " + batch.index() + " failed: "
                        + describe(exchange.getException()), exchange.getException());
            }
            result.add(batch);
        }
    }

    /** Commits a batch's source state when, and only when, its exchange completed successfully. */
    private final class CommitOnCompletion extends SynchronizationAdapter {

        private final Batch batch;
        private final Checkpoint checkpoint;
        private volatile Exception failure;

        CommitOnCompletion(Batch batch, Checkpoint checkpoint) {
            this.batch = batch;
            this.checkpoint = checkpoint;
        }

        @Override
        public void onComplete(Exchange exchange) {
            try {
                state.commitBatch(feedId, batch.runId(),
                        batch.dataset() == null ? null : batch.dataset().name(), batch.source(),
                        checkpoint.watermark(), batch.rejections(), checkpoint.seen(), checkpoint.forgetBefore(),
                        checkpoint.file(), batch.memory(), batch.keysToResolve(), checkpoint.range());
            } catch (Exception e) {
                failure = e;
            }
        }
    }
}
