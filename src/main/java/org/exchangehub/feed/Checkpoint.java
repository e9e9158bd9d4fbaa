package org.exchangehub.feed;

import java.time.LocalDateTime;
import java.util.List;

import org.exchangehub.state.SeenRow;
import org.exchangehub.state.Watermark;

/**
 * The source state that a batch moves forward, committed together with the batch's rejections only
 * after every sink confirmed the batch.
 *
 * @param watermark    the new watermark, or null to leave it as it is (full loads)
 * @param seen         rows to remember inside the look-back window
 * @param forgetBefore remembered rows older than this may be forgotten, or null
 */
public record Checkpoint(Watermark watermark, List<SeenRow> seen, LocalDateTime forgetBefore) {

    /** A checkpoint that moves nothing (full loads): only the rejections are committed. */
    public static final Checkpoint NONE = new Checkpoint(null, List.of(), null);
}
