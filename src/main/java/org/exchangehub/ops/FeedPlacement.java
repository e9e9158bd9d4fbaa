package org.exchangehub.ops;

import org.exchangehub.state.FeedLeader;
import org.exchangehub.state.StateStore;

/**
 * Where a feed runs, for the MBean, health and metrics: whether this instance leads it (always, outside cluster
 * mode) and the instance that does, as the state store's fencing token names it.
 */
final class FeedPlacement {

    private FeedPlacement() {
    }

    static boolean leads(StateStore state, String feedId) {
        return feedId != null && state.holdsFeed(feedId);
    }

    /** The instance running the feed: this one when it leads it, else the last to take it; empty when none did. */
    static String instance(StateStore state, String feedId) {
        if (leads(state, feedId)) {
            return state.instanceId() == null ? "" : state.instanceId();
        }
        return state.feedLeader(feedId).map(FeedLeader::instanceId).orElse("");
    }
}
