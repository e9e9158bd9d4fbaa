package org.exchangehub.feed;

/** What a feed is doing now, as operations see it (JMX, health). */
public enum FeedStatus {
    /** Waiting for its next scheduled run; the last run succeeded (or there was none yet). */
    IDLE,
    /** A run is in progress. */
    RUNNING,
    /** Scheduled runs are stopped by an operator until resumed. */
    PAUSED,
    /** Waiting for its next run; the last run failed. */
    FAILING
}
