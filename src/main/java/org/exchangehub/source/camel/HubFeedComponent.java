package org.exchangehub.source.camel;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code hub-feed} component: the step that makes any Camel endpoint a feed's source. A route whose {@code from}
 * is a plain Camel URI sends its exchanges {@code to: hub-feed:<feed>?format=...}; the feed's route
 * ({@code from: hub-feed:<feed>}) maps and delivers them. The component pairs the two by feed id, as
 * {@code direct:} pairs its producers and consumers.
 */
@Component("hub-feed")
public final class HubFeedComponent extends DefaultComponent {

    private final Map<String, HubFeedConsumer> feeds = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException(uri + ": the feed id is missing; write hub-feed:<department>.<feed>,"
                    + " the id of the route that reads from: hub-feed:<department>.<feed>");
        }
        HubFeedEndpoint endpoint = new HubFeedEndpoint(uri, this, remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    void register(HubFeedConsumer consumer) {
        HubFeedConsumer previous = feeds.putIfAbsent(consumer.feed(), consumer);
        if (previous != null && previous != consumer) {
            throw new IllegalStateException("two routes read from hub-feed:" + consumer.feed()
                    + "; each feed has one route");
        }
    }

    void unregister(HubFeedConsumer consumer) {
        feeds.remove(consumer.feed(), consumer);
    }

    Optional<HubFeedConsumer> consumer(String feed) {
        return Optional.ofNullable(feeds.get(feed));
    }
}
