package org.exchangehub.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.state.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feeds running in this hub, by feed id: every feed source consumer registers itself when it starts,
 * so that one-shot mode, operations and health checks can find and run them.
 */
public final class FeedRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRegistry.class);

    private final Map<String, FeedConsumer> feeds = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Set<FeedConsumer> awaitingId = ConcurrentHashMap.newKeySet();
    private volatile boolean schedulingSuspended;

    /** Whether scheduled runs are suspended for every feed (one-shot mode runs feeds itself). */
    public boolean isSchedulingSuspended() {
        return schedulingSuspended;
    }

    public void suspendScheduling(boolean suspended) {
        this.schedulingSuspended = suspended;
    }

    /**
     * Adds a listener (operations: MBeans, metrics) and tells it about every feed already running, so that
     * the order in which the hub and the listener start does not matter.
     */
    public void addListener(Listener listener) {
        listeners.add(listener);
        feeds().forEach(listener::feedStarted);
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** A source that started before the route consuming it was registered (routes being reloaded). */
    void awaitId(FeedConsumer consumer) {
        awaitingId.add(consumer);
    }

    /** Called when a route started: sources waiting for their feed id take it now and register. */
    public void resolveAwaitingIds() {
        awaitingId.removeIf(FeedConsumer::tryResolveFeedId);
    }

    void forget(FeedConsumer consumer) {
        awaitingId.remove(consumer);
    }

    void register(FeedConsumer consumer) {
        FeedConsumer previous = feeds.putIfAbsent(consumer.feedId(), consumer);
        if (previous != null && previous != consumer) {
            throw new IllegalStateException("Two sources claim feed id '" + consumer.feedId()
                    + "'; each route must have its own id");
        }
        if (previous == null) {
            notify(consumer.feedId(), l -> l.feedStarted(consumer));
        }
    }

    void unregister(FeedConsumer consumer) {
        if (feeds.remove(consumer.feedId(), consumer)) {
            notify(consumer.feedId(), l -> l.feedStopped(consumer));
        }
    }

    void sourceColumnsAdded(FeedConsumer consumer, List<String> columns) {
        notify(consumer.feedId(), l -> l.sourceColumnsAdded(consumer, columns));
    }

    void runFinished(FeedConsumer consumer, RunRecord run, Map<ReasonCode, Long> rejectionsByReason) {
        notify(consumer.feedId(), l -> l.runFinished(consumer, run, rejectionsByReason));
    }

    /** A listener's failure must never fail a feed or its run. */
    private void notify(String feedId, java.util.function.Consumer<Listener> call) {
        for (Listener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("feed {}: listener {} failed: {}", feedId, listener.getClass().getSimpleName(),
                        FeedConsumer.describe(e));
            }
        }
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

    /** Told when feeds start and stop and when a run ends (called on the feed's own thread: be quick). */
    public interface Listener {

        default void feedStarted(FeedConsumer feed) {
        }

        default void feedStopped(FeedConsumer feed) {
        }

        /**
         * @param run                the run's exchange-log entry
         * @param rejectionsByReason the run's rejections per reason; a record with several reasons counts under each
         */
        default void runFinished(FeedConsumer feed, RunRecord run, Map<ReasonCode, Long> rejectionsByReason) {
        }

        /** A run found columns in its source that are new since the last run and that the mapping does not read. */
        default void sourceColumnsAdded(FeedConsumer feed, List<String> columns) {
        }
    }
}
