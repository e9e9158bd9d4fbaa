package org.exchangehub.state;

import java.time.Instant;

/**
 * Which rejects to give back to a department.
 *
 * @param feedId   the feed (required)
 * @param runId    only this run's rejects, or null for every run
 * @param since    only rejects quarantined at or after this instant, or null
 * @param openOnly only those not yet resolved (the corrected record delivered) nor replayed into a newer reject
 */
public record RejectQuery(String feedId, String runId, Instant since, boolean openOnly) {

    public RejectQuery {
        if (feedId == null && runId == null) {
            throw new IllegalArgumentException("a reject query names a feed or a run");
        }
    }

    /** Every reject of one run, resolved or not. */
    public static RejectQuery ofRun(String runId) {
        return new RejectQuery(null, runId, null, false);
    }
}
