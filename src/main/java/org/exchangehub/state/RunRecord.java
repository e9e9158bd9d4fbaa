package org.exchangehub.state;

import java.time.Instant;

/**
 * One entry of the exchange log: a run of a feed.
 *
 * @param runId           unique id of the run
 * @param feedId          the feed (route id)
 * @param startedAt       when the run started
 * @param endedAt         when it ended, null while running
 * @param rowsRead        source records read
 * @param rowsDelivered   unified records confirmed by every sink
 * @param rowsRejected    records quarantined
 * @param warnings        fields nulled with a warning
 * @param watermarkBefore watermark at start (text), or null
 * @param watermarkAfter  watermark at end (text), or null
 * @param status          outcome
 * @param error           why it failed, or null
 * @param receipt         what the sinks reported (JSON), or null
 * @param rowsUnchanged   records read that an earlier run already delivered or quarantined as they are (neither
 *                        delivered nor quarantined again; read = delivered + rejected + unchanged)
 * @param reconciliation  the source's count for the run against what the hub accounted for, or null where the
 *                        source gives no count (or the run failed before it was taken)
 * @param instanceId      the hub instance that ran it ({@code hub.cluster.instance-id}), or null when not recorded
 */
public record RunRecord(
        String runId,
        String feedId,
        Instant startedAt,
        Instant endedAt,
        long rowsRead,
        long rowsDelivered,
        long rowsRejected,
        long warnings,
        String watermarkBefore,
        String watermarkAfter,
        RunStatus status,
        String error,
        String receipt,
        long rowsUnchanged,
        Reconciliation reconciliation,
        String instanceId) {

    /** A run whose instance is not told (the store records its own). */
    public RunRecord(String runId, String feedId, Instant startedAt, Instant endedAt, long rowsRead, long rowsDelivered,
            long rowsRejected, long warnings, String watermarkBefore, String watermarkAfter, RunStatus status,
            String error, String receipt, long rowsUnchanged, Reconciliation reconciliation) {
        this(runId, feedId, startedAt, endedAt, rowsRead, rowsDelivered, rowsRejected, warnings, watermarkBefore,
                watermarkAfter, status, error, receipt, rowsUnchanged, reconciliation, null);
    }

    /** A run whose source gave no count to reconcile with. */
    public RunRecord(String runId, String feedId, Instant startedAt, Instant endedAt, long rowsRead, long rowsDelivered,
            long rowsRejected, long warnings, String watermarkBefore, String watermarkAfter, RunStatus status,
            String error, String receipt, long rowsUnchanged) {
        this(runId, feedId, startedAt, endedAt, rowsRead, rowsDelivered, rowsRejected, warnings, watermarkBefore,
                watermarkAfter, status, error, receipt, rowsUnchanged, null);
    }

    /** Whether the source's count and the hub's account differ. */
    public boolean isUnreconciled() {
        return reconciliation != null && !reconciliation.isReconciled();
    }

    /** A run that skipped no unchanged records. */
    public RunRecord(String runId, String feedId, Instant startedAt, Instant endedAt, long rowsRead, long rowsDelivered,
            long rowsRejected, long warnings, String watermarkBefore, String watermarkAfter, RunStatus status,
            String error, String receipt) {
        this(runId, feedId, startedAt, endedAt, rowsRead, rowsDelivered, rowsRejected, warnings, watermarkBefore,
                watermarkAfter, status, error, receipt, 0);
    }
}
