package org.exchangehub.state;

import java.time.Instant;

/**
 * A quarantined record as it goes back to its department: the record, and whether the department's correction
 * has been delivered since.
 *
 * @param record       the quarantined record (raw form and violations)
 * @param lastSeenAt   when a run last read it as it is (it is quarantined once, and seen again by later runs)
 * @param resolvedBy   the run that delivered the corrected record (same source key), or null while open
 * @param resolvedAt   when that run committed it, or null
 * @param replayedBy   the replay that took it back from the quarantine, or null
 */
public record ExportedReject(QuarantineRecord record, Instant lastSeenAt, String resolvedBy, Instant resolvedAt,
        String replayedBy) {

    /** RESOLVED, REPLAYED (taken back and quarantined again under the replay when it still failed) or OPEN. */
    public String status() {
        if (resolvedBy != null) {
            return "RESOLVED";
        }
        return replayedBy != null ? "REPLAYED" : "OPEN";
    }
}
