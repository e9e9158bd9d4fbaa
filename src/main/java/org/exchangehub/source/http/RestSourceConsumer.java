package org.exchangehub.source.http;

import org.apache.camel.Processor;
import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;

/**
 * One run of a {@code rest-source} feed: pages through the service from the stored watermark, window by window
 * where it walks time windows, and hands each page on as one batch (see {@link Batches}).
 */
final class RestSourceConsumer extends HttpSourceConsumer<RestSourceEndpoint> {

    RestSourceConsumer(RestSourceEndpoint endpoint, Processor processor, StateStore state, FeedRegistry registry) {
        super(endpoint, processor, state, registry);
    }

    @Override
    protected void read(BatchSink sink) {
        http.startRun();
        Increment increment = Increment.start(endpoint, stateStore(), feedId(), clock);
        JsonRecords converter = new JsonRecords(
                new RecordAssembler(endpoint.fieldList(), endpoint.getKeyField(), increment));
        Batches.deliverAll(sink, () -> {
            RestPager pager = new RestPager(endpoint, http, auth, increment);
            return () -> {
                RestPager.Page page = pager.next();
                if (page == null && pager.reportedTotal() >= 0) {
                    sink.sourceCount(pager.reportedTotal(), "the total the service reported (totalPath)");
                }
                return page == null ? null : converter.convert(page.items(), page.number());
            };
        }, increment);
        sink.skipped(increment.skipped());
    }
}
