package org.exchangehub.source.camel;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.exchangehub.feed.FeedRunException;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;

/**
 * The {@code to: hub-feed:<feed>} step: one exchange of the origin endpoint is one run of the feed. It returns only
 * once every record of the exchange was delivered to every sink and committed; a failed run fails the exchange, so
 * that the origin consumer rolls back (camel-ftp leaves the file where it was) instead of committing.
 */
final class HubFeedProducer extends DefaultProducer {

    private final HubFeedEndpoint endpoint;
    private final OriginRecords records;

    HubFeedProducer(HubFeedEndpoint endpoint, OriginRecords records) {
        super(endpoint);
        this.endpoint = endpoint;
        this.records = records;
    }

    @Override
    public void process(Exchange exchange) {
        HubFeedConsumer feed = endpoint.getComponent().consumer(endpoint.getFeed()).orElseThrow(() ->
                new IllegalStateException("no started route reads from: hub-feed:" + endpoint.getFeed() + "; add the"
                        + " feed's route (id " + endpoint.getFeed() + ") with its mapping and sinks, or start it"));
        String name = exchange.getIn().getHeader(Exchange.FILE_NAME, endpoint.getFeed(), String.class);
        RunRecord run = feed.take(sink -> records.read(name, exchange, sink));
        exchange.getMessage().setHeader(HubFeedEndpoint.RUN_ID, run.runId());
        exchange.getMessage().setHeader(HubFeedEndpoint.DELIVERED, run.rowsDelivered());
        if (run.status() != RunStatus.SUCCEEDED) {
            // the run's reason is already in the exchange log; the origin must not commit what was not delivered
            throw new FeedRunException("feed " + endpoint.getFeed() + " run " + run.runId() + " failed: "
                    + run.error(), null);
        }
    }
}
