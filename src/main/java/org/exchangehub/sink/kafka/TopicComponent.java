package org.exchangehub.sink.kafka;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;

/**
 * The Camel component {@code topic:}: delivers a route's {@link org.exchangehub.feed.Batch} bodies to Kafka, one
 * record per unified record. Endpoints with equal producer settings share one Kafka producer, which is thread-safe
 * and batches across them.
 */
public final class TopicComponent extends DefaultComponent {

    /** Header on every record: the run that delivered it. */
    public static final String RUN_ID_HEADER = "exchangehub.run-id";
    /** Header on every record: the dataset, so consumers can route without parsing the value. */
    public static final String DATASET_HEADER = "exchangehub.dataset";

    private final KafkaProducers producers = new KafkaProducers();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        TopicEndpoint endpoint = new TopicEndpoint(uri, this);
        endpoint.setName(remaining);
        Map<String, Object> extra = PropertiesHelper.extractProperties(parameters, "additionalProperties.");
        endpoint.getAdditionalProperties().putAll(extra);
        setProperties(endpoint, parameters);
        endpoint.settings(); // fail fast: a bad option stops the route from starting
        return endpoint;
    }

    KafkaProducers producers() {
        return producers;
    }

    @Override
    protected void doStop() throws Exception {
        producers.close();
        super.doStop();
    }
}
