package org.exchangehub.feed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.component.kamelet.KameletEndpoint;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.SynchronizationAdapter;
import org.exchangehub.mapping.Rejection;
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
    private volatile boolean paused;

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

    /** The last finished run, or null before the first. */
    public RunRecord lastRun() {
        return lastRun;
    }

    public boolean isPaused() {
        return paused;
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
        registry.register(this);
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (feedId != null) { // a consumer that never started (its route failed to start) never registered
            registry.unregister(this);
        }
    }

    @Override
    public boolean isPollAllowed() {
        return super.isPollAllowed() && !paused && !registry.isSchedulingSuspended();
    }

    @Override
    protected int poll() {
        RunRecord run = runNow();
        return (int) Math.min(Integer.MAX_VALUE, run.rowsRead());
    }

    /** Runs the feed once now (waiting for a run in progress to end first) and returns its exchange-log entry. */
    public RunRecord runNow() {
        runLock.lock();
        try {
            return doRun();
        } finally {
            runLock.unlock();
        }
    }

    /** What a dry run reads in place of the feed's source, e.g. a local sample file. */
    @FunctionalInterface
    public interface RecordReader {
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
    public DryRun dryRun(int limit, RecordReader reader) {
        runLock.lock();
        try {
            DryRun result = new DryRun(feedId);
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

    private RunRecord doRun() {
        Instant startedAt = clock.instant();
        String runId = RunIds.next(startedAt);
        String before = state.watermark(feedId).map(Watermark::toString).orElse(null);
        state.runStarted(runId, feedId, startedAt, before);
        Run run = new Run(runId, startedAt);
        RunStatus status = RunStatus.SUCCEEDED;
        String error = null;
        try {
            read(run);
            run.flushPendingRejections();
        } catch (Exception e) {
            status = RunStatus.FAILED;
            error = describe(e);
        }
        String after = state.watermark(feedId).map(Watermark::toString).orElse(null);
        RunRecord record = new RunRecord(runId, feedId, startedAt, clock.instant(), run.read, run.delivered,
                run.rejected, run.warnings, before, after, status, error, run.receipt.toJson());
        state.runFinished(record);
        lastRun = record;
        logSummary(record);
        return record;
    }

    private void logSummary(RunRecord r) {
        long millis = Duration.between(r.startedAt(), r.endedAt()).toMillis();
        if (r.status() == RunStatus.SUCCEEDED) {
            LOG.info("feed {} run {} {}: read {}, delivered {}, rejected {}, warnings {}, watermark {} -> {}, {} ms",
                    r.feedId(), r.runId(), r.status(), r.rowsRead(), r.rowsDelivered(), r.rowsRejected(),
                    r.warnings(), r.watermarkBefore(), r.watermarkAfter(), millis);
        } else {
            LOG.warn("feed {} run {} {}: read {}, delivered {}, rejected {}, watermark {} -> {}, {} ms: {}",
                    r.feedId(), r.runId(), r.status(), r.rowsRead(), r.rowsDelivered(), r.rowsRejected(),
                    r.watermarkBefore(), r.watermarkAfter(), millis, r.error());
        }
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
        }
        if (routeId == null) {
            throw new IllegalStateException("Cannot tell the feed id of " + getEndpoint()
                    + ": give the route an id or set the source's 'feed' option");
        }
        return routeId;
    }

    /** One run: counts, the batches' receipt, and rejections found by the source waiting for a batch. */
    private final class Run implements BatchSink {

        private final String runId;
        private final Instant startedAt;
        private final RunReceipt receipt = new RunReceipt();
        private final List<Rejection> pendingRejections = new ArrayList<>();
        private int batchIndex;
        private long read;
        private long delivered;
        private long rejected;
        private long warnings;

        Run(String runId, Instant startedAt) {
            this.runId = runId;
            this.startedAt = startedAt;
        }

        @Override
        public void reject(Rejection rejection) {
            pendingRejections.add(rejection);
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
            Exchange exchange = getEndpoint().createExchange();
            exchange.getIn().setBody(batch);
            exchange.setProperty(FeedProperties.RUN_ID, runId);
            exchange.setProperty(FeedProperties.FEED_ID, feedId);
            read += records.size();
            CommitOnCompletion commit = new CommitOnCompletion(batch, checkpoint);
            exchange.getExchangeExtension().addOnCompletion(commit);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
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
            warnings += batch.warnings();
            receipt.add(exchange);
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
        public void reject(Rejection rejection) {
            pendingRejections.add(rejection);
        }

        void flushPendingRejections() {
            if (!pendingRejections.isEmpty()) {
                send(List.of());
            }
        }

        @Override
        public void deliver(List<SourceRecord> records, Checkpoint checkpoint) {
            if (remaining <= 0) {
                throw new LimitReached();
            }
            List<SourceRecord> taken = records.size() > remaining ? records.subList(0, remaining) : records;
            remaining -= taken.size();
            send(List.copyOf(taken));
            if (remaining <= 0) {
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
                        checkpoint.watermark(), batch.rejections(), checkpoint.seen(), checkpoint.forgetBefore());
            } catch (Exception e) {
                failure = e;
            }
        }
    }
}
