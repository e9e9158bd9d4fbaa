package org.exchangehub.ops;

/**
 * One feed as operations see and steer it over JMX ({@code exchangehub:type=Feed,name=<route id>}). Times are
 * ISO-8601 UTC instants; watermark keys that could be personal are masked.
 */
public interface FeedControlMXBean {

    /** IDLE, RUNNING, PAUSED or FAILING. */
    String getStatus();

    String getLastRunId();

    String getLastRunStart();

    String getLastRunEnd();

    /** SUCCEEDED or FAILED, or empty before the first run. */
    String getLastRunOutcome();

    /** Why the last run failed, or empty. */
    String getLastRunError();

    long getRowsReadLastRun();

    long getRowsDeliveredLastRun();

    long getRowsRejectedLastRun();

    /** Records the last run read that an earlier run had delivered or quarantined as they are. */
    long getRowsUnchangedLastRun();

    /**
     * The last run's reconciliation with its source: {@code RECONCILED} or {@code UNRECONCILED} with both numbers
     * and how the source counted, or empty where the source gives no count.
     */
    String getLastRunReconciliation();

    /** What the source held for the last run (its own count), or -1 where it gives none. */
    long getSourceCountLastRun();

    /** Runs whose source count and the hub's account differed, since this hub started. */
    long getRunsUnreconciledTotal();

    long getRowsReadTotal();

    long getRowsDeliveredTotal();

    long getRowsRejectedTotal();

    /** Records read that an earlier run already delivered or quarantined as they are, since this hub started. */
    long getRowsUnchangedTotal();

    long getRunsTotal();

    long getRunsFailedTotal();

    /** The committed watermark, {@code changeTime/key}, or empty. */
    String getWatermark();

    /** Seconds from the watermark's change time to now (the source's clock, read as this host's zone); -1 without one. */
    long getLagSeconds();

    /** When the scheduler starts the next run, or empty (paused, cron, scheduling off). */
    String getNextScheduledRun();

    long getPeriodSeconds();

    /** Whether this instance runs the feed: always outside cluster mode; in it, while it is the feed's leader. */
    boolean isLeader();

    /** The instance that runs the feed ({@code hub.cluster.instance-id}): this one, or the leader elsewhere. */
    String getInstance();

    /** Runs the feed now (after a run in progress) and returns the run's summary. */
    String runNow();

    /** Stops scheduled runs until {@link #resume()}; a run in progress finishes. */
    void pause();

    void resume();

    /**
     * Sets the watermark so that the next run re-reads from there: {@code yyyy-MM-ddTHH:mm:ss[.SSS]}, optionally
     * {@code /key}; empty clears it (the next run reads everything).
     */
    String rewindWatermark(String watermark);

    /**
     * Reloads the mappings and replays the quarantined records of a run of this feed: those now valid are
     * delivered, the rest stay quarantined (under the replay run). Each reject is replayed once.
     */
    String replayRejects(String runId);

    /**
     * After a source column changed type and the mapping was checked to read the new values: forgets the columns the
     * last run saw, so that the next run takes the source's schema as it is now.
     */
    String acceptSourceSchema();
}
