package org.exchangehub.source.http;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

/** The {@code rest-source} component: pulls a department's paged REST API into a feed. */
@Component("rest-source")
public final class RestSourceComponent extends HttpSourceComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        RestSourceEndpoint endpoint = new RestSourceEndpoint(uri, this, remaining);
        schedulingDurations("rest-source", remaining, parameters);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }
}
