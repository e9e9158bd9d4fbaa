package org.exchangehub.feed;

/**
 * A pipelined run's write stage, on each batch's exchange under {@link FeedProperties#WRITE_STAGE}: a sink whose
 * writing is the slow part (the lake's Parquet encoding) hands the rest of the batch's route to it, so that the
 * stage writes batch n on a thread of its own while the run's delivery thread maps batch n+1. Rules:
 * <ul>
 * <li>one batch at a time, in batch order: a hand-over returns only once the previous batch left the stage, i.e.
 * was written, delivered to every later sink and committed (the exchange's completion runs on the stage);</li>
 * <li>after the first failure the stage takes nothing more: every later hand-over throws that failure, so no later
 * batch is written or committed;</li>
 * <li>a sink called on the stage's own thread (a redelivery of its write) writes there and then.</li>
 * </ul>
 * Absent (a dry run, a run on one thread, any other caller), a sink writes on the caller's thread as usual.
 */
public interface WriteStage {

    /** Whether the caller runs on the stage's thread; a write there is done at once, not handed over. */
    boolean isStageThread();

    /**
     * Hands one write over, returning once the stage took it; the write must complete the exchange's callback.
     *
     * @throws RuntimeException the failure of an earlier batch; this write is then not run
     */
    void hand(Runnable write);
}
