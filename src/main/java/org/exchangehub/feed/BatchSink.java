package org.exchangehub.feed;

import java.util.List;

/**
 * Where a source hands its batches during a run. A batch goes down the feed's route, and the source's state
 * for it is committed once every sink confirmed it, strictly in the order the batches were handed. Delivery
 * may overlap the source's reading (a delivery thread per run): {@link #deliver} may return before the batch
 * is delivered, and a failure shows at a later call, at {@link #flush()} or at the end of the run. A source
 * that acts on a batch's delivery (e.g. moves the file it came from) calls {@link #flush()} first.
 */
public interface BatchSink {

    /**
     * Delivers one batch.
     *
     * @param records    the source records of the batch (may be empty only if {@code rejections} is not)
     * @param checkpoint the source state to commit once every sink confirmed the batch
     * @throws FeedRunException when delivery or the commit of this or an earlier batch failed; the source must
     *                          stop reading
     */
    void deliver(List<SourceRecord> records, Checkpoint checkpoint);

    /**
     * Returns once every batch handed so far is delivered and its state committed.
     *
     * @throws FeedRunException when one of them failed; the source must stop reading
     */
    void flush();

    /**
     * Whether this is a dry run: nothing is delivered or committed, and the source must leave every one-time state
     * of its own alone too (move, rename or delete no file, remember nothing a real run relies on).
     */
    default boolean isDryRun() {
        return false;
    }

    /**
     * Something about the run that operators must learn from its exchange-log entry and log line rather than from a
     * record, e.g. why a file was set aside. Names and counts only, never a record's values.
     */
    default void note(String note) {
    }

    /**
     * What the source holds for this run, counted by the source itself independently of reading (e.g.
     * {@code COUNT(*)} over the run's window, the records a file's check counted, the total a service reports),
     * to reconcile with what the hub accounts for at the end of the run. Calls add up (one per file of a run).
     *
     * @param count  records the source holds for the run
     * @param method how it was counted, said to operators (e.g. "COUNT(*) over the window")
     */
    default void sourceCount(long count, String method) {
    }

    /**
     * Records of the source's count that the source itself left out as already delivered (rows seen inside the
     * look-back window), so that the reconciliation accounts for them.
     */
    default void skipped(long count) {
    }

    /** Rejections the source found itself (e.g. a malformed line), delivered with the next batch. */
    void reject(org.exchangehub.mapping.Rejection rejection);
}
