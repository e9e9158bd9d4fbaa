package org.exchangehub.feed;

import java.util.List;

/**
 * Where a source hands its batches during a run: each call sends one batch down the feed's route and
 * returns only when every sink confirmed it and the source's state for it was committed.
 */
public interface BatchSink {

    /**
     * Delivers one batch.
     *
     * @param records    the source records of the batch (may be empty only if {@code rejections} is not)
     * @param checkpoint the source state to commit once every sink confirmed the batch
     * @throws FeedRunException when delivery or the commit failed; the source must stop reading
     */
    void deliver(List<SourceRecord> records, Checkpoint checkpoint);

    /** Rejections the source found itself (e.g. a malformed line), delivered with the next batch. */
    void reject(org.exchangehub.mapping.Rejection rejection);
}
