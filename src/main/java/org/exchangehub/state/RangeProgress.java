package org.exchangehub.state;

import java.time.LocalDateTime;

/**
 * What one delivered batch of a split load moves forward in its key range, committed in the batch's transaction.
 *
 * @param range        the range's number
 * @param instance     the instance that claimed the range; the commit is refused when it no longer holds it
 * @param lastKey      the last split-column value of the batch (every row up to it is delivered)
 * @param rows         rows in the batch
 * @param maxChange    the latest change time in the range so far, or null
 * @param maxChangeKey the source key of that row, or null
 * @param done         whether the batch ends the range
 */
public record RangeProgress(int range, String instance, long lastKey, long rows, LocalDateTime maxChange,
        String maxChangeKey, boolean done) {
}
