package org.exchangehub.feed;

import java.time.LocalDateTime;
import java.util.List;

import org.exchangehub.state.ProcessedFile;
import org.exchangehub.state.RangeProgress;
import org.exchangehub.state.SeenRow;
import org.exchangehub.state.Watermark;

/**
 * The source state that a batch moves forward, committed together with the batch's rejections only
 * after every sink confirmed the batch.
 *
 * @param watermark    the new watermark, or null to leave it as it is (full loads)
 * @param seen         rows to remember inside the look-back window
 * @param forgetBefore remembered rows older than this may be forgotten, or null
 * @param file         a dropped file whose last batch this is, to be remembered as processed in the same
 *                     transaction, or null
 * @param range        the progress of a split load's key range that the batch ends at, committed in the same
 *                     transaction, or null
 */
public record Checkpoint(Watermark watermark, List<SeenRow> seen, LocalDateTime forgetBefore, ProcessedFile file,
        RangeProgress range) {

    /** A checkpoint that moves nothing (full loads): only the rejections are committed. */
    public static final Checkpoint NONE = new Checkpoint(null, List.of(), null, null, null);

    /** A checkpoint without a key range. */
    public Checkpoint(Watermark watermark, List<SeenRow> seen, LocalDateTime forgetBefore, ProcessedFile file) {
        this(watermark, seen, forgetBefore, file, null);
    }

    /** The checkpoint of a split load's batch: its key range's progress and the rows to remember. */
    public static Checkpoint range(RangeProgress range, List<SeenRow> seen) {
        return new Checkpoint(null, seen, null, null, java.util.Objects.requireNonNull(range, "range"));
    }

    /** A watermark checkpoint (table sources): no file to remember. */
    public Checkpoint(Watermark watermark, List<SeenRow> seen, LocalDateTime forgetBefore) {
        this(watermark, seen, forgetBefore, null);
    }

    /** The checkpoint of a dropped file's last batch: the file is remembered as processed with the batch. */
    public static Checkpoint fileDone(ProcessedFile file) {
        return new Checkpoint(null, List.of(), null, java.util.Objects.requireNonNull(file, "file"));
    }
}
