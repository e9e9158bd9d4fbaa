package org.exchangehub.unify;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.exchangehub.feed.Batch;

/** Maps the batch on the exchange in place: unified records and rejections are set on the {@link Batch}. */
final class UnifyProducer extends DefaultProducer {

    private final BatchMapper mapper;

    UnifyProducer(UnifyEndpoint endpoint, BatchMapper mapper) {
        super(endpoint);
        this.mapper = mapper;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
        mapper.map(batch);
    }
}
