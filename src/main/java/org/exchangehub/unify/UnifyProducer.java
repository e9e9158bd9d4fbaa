package org.exchangehub.unify;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.exchangehub.feed.Batch;

/**
 * Maps the batch on the exchange in place: unified records and rejections are set on the {@link Batch}. The mapper is
 * looked up per batch so that a mapping reloaded in development is used by the next batch.
 */
final class UnifyProducer extends DefaultProducer {

    private final FeedMappings mappings;
    private final String name;

    UnifyProducer(UnifyEndpoint endpoint, FeedMappings mappings, String name) {
        super(endpoint);
        this.mappings = mappings;
        this.name = name;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
        mappings.current(name).map(batch);
    }
}
