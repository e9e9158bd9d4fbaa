package org.exchangehub.state;

import java.time.Instant;
import java.util.List;

import org.exchangehub.mapping.Violation;

/**
 * A rejected record kept in the quarantine.
 *
 * @param id         surrogate id
 * @param runId      the run that rejected it
 * @param feedId     the feed
 * @param dataset    the dataset it was mapped onto
 * @param source     the source system id
 * @param sourceKey  its key in the source
 * @param rawForm    the record as the source gave it
 * @param violations the failing fields with reason codes
 * @param rejectedAt when it was quarantined
 */
public record QuarantineRecord(
        long id,
        String runId,
        String feedId,
        String dataset,
        String source,
        String sourceKey,
        String rawForm,
        List<Violation> violations,
        Instant rejectedAt) {
}
