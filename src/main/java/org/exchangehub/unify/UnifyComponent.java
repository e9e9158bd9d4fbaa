package org.exchangehub.unify;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code unify} component: maps a feed's batches onto the unified schema with a named mapping. */
@Component("unify")
public final class UnifyComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FeedMappings mappings = getCamelContext().getRegistry().findSingleByType(FeedMappings.class);
        if (mappings == null) {
            throw new IllegalStateException("unify needs the hub's FeedMappings bean (is this running outside the hub?)");
        }
        mappings.mapper(remaining); // an unknown mapping fails here, at start-up
        String reload = getCamelContext().getPropertiesComponent().resolveProperty("hub.mappings.reload").orElse("false");
        if (Boolean.parseBoolean(reload.trim())) {
            mappings.reloadOnChange(true);
        }
        UnifyEndpoint endpoint = new UnifyEndpoint(uri, this, remaining, mappings);
        setProperties(endpoint, parameters);
        return endpoint;
    }
}
