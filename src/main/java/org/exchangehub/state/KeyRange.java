package org.exchangehub.state;

import java.time.LocalDateTime;

/**
 * One key range of a split load as the state store holds it: the bounds (both inclusive), who claimed it, and the
 * progress committed so far (the last split-column value whose rows every sink confirmed).
 *
 * @param number       the range's number within the feed's load, from 0
 * @param lo           the smallest split-column value of the range
 * @param hi           the largest split-column value of the range
 * @param status       {@link #OPEN}, {@link #CLAIMED} or {@link #DONE}
 * @param claimedBy    the instance that claimed it, or null
 * @param progress     the last committed split-column value, or null before the first committed batch
 * @param rowsRead     rows committed for the range, over every run
 * @param maxChange    the latest change time among its committed rows, or null
 * @param maxChangeKey the source key of that row, or null
 */
public record KeyRange(int number, long lo, long hi, String status, String claimedBy, Long progress, long rowsRead,
        LocalDateTime maxChange, String maxChangeKey) {

    public static final String OPEN = "open";
    public static final String CLAIMED = "claimed";
    public static final String DONE = "done";

    /** The first split-column value still to read. */
    public long resumeFrom() {
        return progress == null ? lo : progress + 1;
    }
}
