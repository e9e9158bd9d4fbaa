package org.exchangehub.source.jdbc;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.exchangehub.feed.Durations;

/** The {@code jdbc-incremental} component: pulls a department table incrementally into a feed. */
@Component("jdbc-incremental")
public final class JdbcIncrementalComponent extends DefaultComponent {

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        JdbcIncrementalEndpoint endpoint = new JdbcIncrementalEndpoint(uri, this, remaining);
        // Scheduling options accept durations such as 60s, 15m or PT1H as well as milliseconds
        for (String option : new String[] {"delay", "initialDelay"}) {
            if (parameters.get(option) instanceof String text) {
                parameters.put(option, Durations.parse("jdbc-incremental:" + remaining, option, text).toMillis());
            }
        }
        setProperties(endpoint, parameters);
        endpoint.validate();
        return endpoint;
    }
}
