package org.exchangehub.sink.warehouse;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;

/**
 * The Camel component {@code warehouse:}: upserts a route's {@link org.exchangehub.feed.Batch} bodies by business
 * key into one table per dataset, created and migrated from the catalogue.
 */
public final class WarehouseComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        WarehouseEndpoint endpoint = new WarehouseEndpoint(uri, this);
        endpoint.setName(remaining);
        setProperties(endpoint, parameters);
        endpoint.validate(); // fail fast: a bad option stops the route from starting
        return endpoint;
    }
}
