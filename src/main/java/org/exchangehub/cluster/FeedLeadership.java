package org.exchangehub.cluster;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.EventNotifierSupport;
import org.exchangehub.state.JdbcStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cluster mode's per-feed leadership: every feed route (a route an engineer wrote, whose id is the feed id) gets
 * Camel's {@link ClusteredRoutePolicy} on the namespace of its feed id, so it is started only on the instance the
 * cluster service elected for that feed. When the route starts there, the instance takes the feed in the state
 * store (the fencing epoch counts up); when it stops, the instance lets the feed go. A source only runs while its
 * instance holds its feed, so the connector routes behind a feed need no policy of their own.
 */
final class FeedLeadership extends EventNotifierSupport implements RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(FeedLeadership.class);

    private final CamelClusterService service;
    private final JdbcStateStore state;
    private final Set<String> feeds = ConcurrentHashMap.newKeySet();

    FeedLeadership(CamelClusterService service, JdbcStateStore state) {
        this.service = service;
        this.state = state;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (route instanceof RouteDefinition definition && (Boolean.TRUE.equals(definition.isKamelet())
                || definition.isCreatedFromTemplate() || Boolean.TRUE.equals(definition.isTemplate()))) {
            return null; // a connector's route: it runs only while its feed is held here
        }
        try {
            String originOf = route instanceof RouteDefinition definition ? hubFeedTarget(definition) : null;
            if (originOf != null) {
                // an origin route (from: any Camel URI, to: hub-feed:<feed>) runs where its feed runs
                return ClusteredRoutePolicy.forNamespace(service, originOf);
            }
            feeds.add(routeId);
            return ClusteredRoutePolicy.forNamespace(service, routeId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot elect a leader for feed " + routeId + ": " + e.getMessage(), e);
        }
    }

    /** The feed an origin route hands its records to ({@code to: hub-feed:<feed>}), or null for another route. */
    static String hubFeedTarget(RouteDefinition definition) {
        for (org.apache.camel.model.ProcessorDefinition<?> output : definition.getOutputs()) {
            if (output instanceof org.apache.camel.model.ToDefinition to && to.getUri() != null
                    && to.getUri().startsWith("hub-feed:")) {
                String rest = to.getUri().substring("hub-feed:".length());
                if (rest.startsWith("//")) {
                    rest = rest.substring(2);
                }
                int q = rest.indexOf('?');
                return q < 0 ? rest : rest.substring(0, q);
            }
        }
        return null;
    }

    /** Whether the route is a feed under leader election. */
    boolean isFeed(String routeId) {
        return feeds.contains(routeId);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.RouteStartedEvent || event instanceof CamelEvent.RouteStoppedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        String routeId = ((CamelEvent.RouteEvent) event).getRoute().getRouteId();
        if (!feeds.contains(routeId)) {
            return;
        }
        if (event instanceof CamelEvent.RouteStartedEvent) {
            long epoch = state.takeFeed(routeId);
            LOG.info("feed {}: instance {} is its leader now (epoch {}); it runs here", routeId, state.instanceId(),
                    epoch);
        } else {
            state.releaseFeed(routeId);
            LOG.info("feed {}: instance {} is not its leader any more; it does not run here", routeId,
                    state.instanceId());
        }
    }
}
