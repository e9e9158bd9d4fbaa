package org.exchangehub.feed;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;

/**
 * A feed's counters since this process started its consumer: runs, failures in a row and rows read,
 * delivered and rejected in total, as operations read them. Thread-safe.
 *
 * @param runs                runs finished
 * @param failedRuns          runs that failed
 * @param consecutiveFailures failed runs since the last successful one
 * @param rowsRead            source records read
 * @param rowsDelivered       unified records delivered
 * @param rowsRejected        records quarantined
 * @param rowsUnchanged       records read unchanged since an earlier run (not delivered or quarantined again)
 * @param lastSucceeded       the last successful run, or null
 * @param unreconciledRuns    runs whose source count and the hub's account differed
 * @param consecutiveUnreconciled unreconciled runs since the last reconciled one (runs without a count or failed
 *                            leave it as it is)
 */
public record FeedTotals(long runs, long failedRuns, long consecutiveFailures, long rowsRead, long rowsDelivered,
        long rowsRejected, long rowsUnchanged, RunRecord lastSucceeded, long unreconciledRuns,
        long consecutiveUnreconciled) {

    static final FeedTotals NONE = new FeedTotals(0, 0, 0, 0, 0, 0, 0, null, 0, 0);

    FeedTotals plus(RunRecord run) {
        boolean ok = run.status() == RunStatus.SUCCEEDED;
        boolean unreconciled = run.isUnreconciled();
        long inARow = unreconciled ? consecutiveUnreconciled + 1
                : run.reconciliation() != null ? 0 : consecutiveUnreconciled;
        return new FeedTotals(runs + 1, failedRuns + (ok ? 0 : 1), ok ? 0 : consecutiveFailures + 1,
                rowsRead + run.rowsRead(), rowsDelivered + run.rowsDelivered(), rowsRejected + run.rowsRejected(),
                rowsUnchanged + run.rowsUnchanged(), ok ? run : lastSucceeded,
                unreconciledRuns + (unreconciled ? 1 : 0), inARow);
    }
}
