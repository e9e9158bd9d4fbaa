package org.exchangehub.feed;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * When routes are reloaded, a feed's source route can start before the route that consumes it is registered;
 * each time a route starts, such sources take their feed id (the consuming route's id) and register.
 */
public final class FeedIdResolver extends EventNotifierSupport {

    private final FeedRegistry registry;

    public FeedIdResolver(FeedRegistry registry) {
        this.registry = registry;
        setIgnoreExchangeEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.RouteStartedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        registry.resolveAwaitingIds();
    }
}
