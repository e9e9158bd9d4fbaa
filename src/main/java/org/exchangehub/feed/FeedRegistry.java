package org.exchangehub.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The feeds running in this hub, by feed id: every feed source consumer registers itself when it starts,
 * so that one-shot mode, operations and health checks can find and run them.
 */
public final class FeedRegistry {

    private final Map<String, FeedConsumer> feeds = new ConcurrentHashMap<>();
    private volatile boolean schedulingSuspended;

    /** Whether scheduled runs are suspended for every feed (one-shot mode runs feeds itself). */
    public boolean isSchedulingSuspended() {
        return schedulingSuspended;
    }

    public void suspendScheduling(boolean suspended) {
        this.schedulingSuspended = suspended;
    }

    void register(FeedConsumer consumer) {
        FeedConsumer previous = feeds.putIfAbsent(consumer.feedId(), consumer);
        if (previous != null && previous != consumer) {
            throw new IllegalStateException("Two sources claim feed id '" + consumer.feedId()
                    + "'; each route must have its own id");
        }
    }

    void unregister(FeedConsumer consumer) {
        feeds.remove(consumer.feedId(), consumer);
    }

    /** The running feeds, ordered by id. */
    public List<FeedConsumer> feeds() {
        List<FeedConsumer> list = new ArrayList<>(feeds.values());
        list.sort(Comparator.comparing(FeedConsumer::feedId));
        return list;
    }

    public Optional<FeedConsumer> feed(String feedId) {
        return Optional.ofNullable(feeds.get(feedId));
    }

    public Collection<String> feedIds() {
        return feeds.keySet();
    }
}
