package org.exchangehub.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;

/** The feed MBean: reads a feed's counters and state, and passes operators' commands to it. */
final class FeedControl implements FeedControlMXBean {

    private final FeedConsumer feed;
    private final StateStore state;
    private final RejectReplayer replayer;
    private final Masking masking;

    FeedControl(FeedConsumer feed, StateStore state, RejectReplayer replayer, Masking masking) {
        this.feed = feed;
        this.state = state;
        this.replayer = replayer;
        this.masking = masking;
    }

    private Optional<RunRecord> last() {
        RunRecord run = feed.lastRun();
        return run != null ? Optional.of(run) : state.runs(feed.feedId(), 1).stream().findFirst();
    }

    private static String text(Object o) {
        return o == null ? "" : o.toString();
    }

    @Override
    public String getStatus() {
        return feed.status().name();
    }

    @Override
    public String getLastRunId() {
        return last().map(RunRecord::runId).orElse("");
    }

    @Override
    public String getLastRunStart() {
        return last().map(r -> text(r.startedAt())).orElse("");
    }

    @Override
    public String getLastRunEnd() {
        return last().map(r -> text(r.endedAt())).orElse("");
    }

    @Override
    public String getLastRunOutcome() {
        return last().map(r -> r.status().name()).orElse("");
    }

    @Override
    public String getLastRunError() {
        return last().map(r -> text(r.error())).orElse("");
    }

    @Override
    public long getRowsReadLastRun() {
        return last().map(RunRecord::rowsRead).orElse(0L);
    }

    @Override
    public long getRowsDeliveredLastRun() {
        return last().map(RunRecord::rowsDelivered).orElse(0L);
    }

    @Override
    public long getRowsRejectedLastRun() {
        return last().map(RunRecord::rowsRejected).orElse(0L);
    }

    @Override
    public long getRowsUnchangedLastRun() {
        return last().map(RunRecord::rowsUnchanged).orElse(0L);
    }

    @Override
    public String getLastRunReconciliation() {
        return last().map(r -> r.reconciliation() == null ? "" : r.reconciliation().toString()).orElse("");
    }

    @Override
    public long getSourceCountLastRun() {
        return last().map(r -> r.reconciliation() == null ? -1L : r.reconciliation().sourceCount()).orElse(-1L);
    }

    @Override
    public long getRunsUnreconciledTotal() {
        return feed.totals().unreconciledRuns();
    }

    @Override
    public long getRowsReadTotal() {
        return feed.totals().rowsRead();
    }

    @Override
    public long getRowsDeliveredTotal() {
        return feed.totals().rowsDelivered();
    }

    @Override
    public long getRowsRejectedTotal() {
        return feed.totals().rowsRejected();
    }

    @Override
    public long getRowsUnchangedTotal() {
        return feed.totals().rowsUnchanged();
    }

    @Override
    public long getRunsTotal() {
        return feed.totals().runs();
    }

    @Override
    public long getRunsFailedTotal() {
        return feed.totals().failedRuns();
    }

    @Override
    public String getWatermark() {
        return state.watermark(feed.feedId()).map(w -> masking.watermark(null, w.toString())).orElse("");
    }

    @Override
    public long getLagSeconds() {
        return lag(state, feed.feedId()).map(Duration::toSeconds).orElse(-1L);
    }

    /** Now minus the watermark's change time (the source's clock, read in this host's zone). */
    static Optional<Duration> lag(StateStore state, String feedId) {
        return state.watermark(feedId).map(Watermark::changeTime).filter(java.util.Objects::nonNull)
                .map(t -> Duration.between(t.atZone(ZoneId.systemDefault()).toInstant(), Instant.now()));
    }

    @Override
    public String getNextScheduledRun() {
        return feed.nextScheduledRun().map(Instant::toString).orElse("");
    }

    @Override
    public long getPeriodSeconds() {
        return feed.period().toSeconds();
    }

    @Override
    public boolean isLeader() {
        return FeedPlacement.leads(state, feed.feedId());
    }

    @Override
    public String getInstance() {
        return FeedPlacement.instance(state, feed.feedId());
    }

    @Override
    public String runNow() {
        RunRecord run = feed.runNow();
        return "run " + run.runId() + " " + run.status() + ": read " + run.rowsRead() + ", delivered "
                + run.rowsDelivered() + ", unchanged " + run.rowsUnchanged() + ", rejected " + run.rowsRejected()
                + (run.error() == null ? "" : ": " + run.error());
    }

    @Override
    public void pause() {
        feed.pause();
    }

    @Override
    public void resume() {
        feed.resume();
    }

    @Override
    public String rewindWatermark(String watermark) {
        Watermark w = WatermarkText.parse(watermark);
        feed.rewind(w);
        return w == null ? "watermark cleared: the next run reads everything"
                : "watermark set to " + w.changeTime() + ": the next run re-reads from there";
    }

    @Override
    public String acceptSourceSchema() {
        feed.acceptSourceSchema();
        return "source schema accepted: the next run takes the source's columns as they are now";
    }

    @Override
    public String replayRejects(String runId) {
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("give the id of a run of this feed");
        }
        return replayer.replay(feed, runId.strip()).toString();
    }
}
