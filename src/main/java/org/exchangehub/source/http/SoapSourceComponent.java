package org.exchangehub.source.http;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;

/** The {@code soap-source} component: pulls a department's SOAP service into a feed. */
@Component("soap-source")
public final class SoapSourceComponent extends HttpSourceComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        SoapSourceEndpoint endpoint = new SoapSourceEndpoint(uri, this, remaining);
        schedulingDurations("soap-source", remaining, parameters);
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }
}
