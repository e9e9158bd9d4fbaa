package org.exchangehub.state;

/**
 * A commit refused because its instance no longer holds the feed: another instance took it over (this one was
 * paused or cut off past its lease). Nothing of the batch was kept; the instance must stop running the feed.
 */
public final class FeedFencedException extends IllegalStateException {

    private final String feedId;

    FeedFencedException(String feedId, String instanceId, long epoch, FeedLeader now) {
        super("feed " + feedId + ": commit refused, instance " + instanceId + " no longer holds the feed (its epoch "
                + epoch + "; " + (now == null ? "no instance holds it now"
                        : "instance " + now.instanceId() + " took it over at epoch " + now.epoch() + " at "
                                + now.takenAt()) + ")");
        this.feedId = feedId;
    }

    FeedFencedException(String feedId, String instanceId) {
        super("feed " + feedId + ": commit refused, instance " + instanceId + " has not taken the feed (cluster mode:"
                + " only the feed's leader commits its state)");
        this.feedId = feedId;
    }

    public String feedId() {
        return feedId;
    }
}
