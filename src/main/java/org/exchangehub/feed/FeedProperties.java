package org.exchangehub.feed;

/** Names of the exchange properties that feed sources set and sinks fill in. */
public final class FeedProperties {

    /** The run id of the batch on the exchange. */
    public static final String RUN_ID = "ExchangeHub.runId";
    /** The feed id of the batch on the exchange. */
    public static final String FEED_ID = "ExchangeHub.feedId";
    /** Sinks add a short receipt of what they delivered (e.g. a lake file) under this property, a List. */
    /** Set on the batches of a run that replays quarantined records: they are mapped and quarantined afresh. */
    public static final String REPLAY = "ExchangeHub.replay";

    public static final String RECEIPTS = "ExchangeHub.receipts";
    /** The run's {@link WriteStage}, set on the batches of a pipelined run only. */
    public static final String WRITE_STAGE = "ExchangeHub.writeStage";

    private FeedProperties() {
    }
}
