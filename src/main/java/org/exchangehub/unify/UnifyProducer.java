package org.exchangehub.unify;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.exchangehub.feed.Batch;

/**
 * Maps the batch on the exchange in place: unified records and rejections are set on the {@link Batch}. The
 * mapper is looked up per batch (a map read), so that a reloaded mapping applies from the next batch on.
 */
final class UnifyProducer extends DefaultProducer {

    private final FeedMappings mappings;
    private final String mapping;

    UnifyProducer(UnifyEndpoint endpoint, FeedMappings mappings, String mapping) {
        super(endpoint);
        this.mappings = mappings;
        this.mapping = mapping;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
        mappings.mapper(mapping).map(batch);
    }
}
