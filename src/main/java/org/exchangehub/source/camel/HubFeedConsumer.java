package org.exchangehub.source.camel;

import java.util.Optional;
import java.time.Instant;

import org.apache.camel.Processor;
import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;

/**
 * The feed whose records another route's endpoint fetches: it never polls; each exchange sent to
 * {@code hub-feed:<feed>} is one run of it, with the batching, mapping, quarantine, exchange log and commits every
 * feed has.
 */
final class HubFeedConsumer extends FeedConsumer {

    private final HubFeedEndpoint endpoint;

    HubFeedConsumer(HubFeedEndpoint endpoint, Processor processor, StateStore state, FeedRegistry registry) {
        super(endpoint, processor, state, registry, endpoint.getFeed());
        this.endpoint = endpoint;
        setStartScheduler(false); // the origin route's endpoint decides when a run happens
    }

    String feed() {
        return endpoint.getFeed();
    }

    /** One run on the records {@code reader} hands over; returns once they are delivered and committed, or failed. */
    RunRecord take(RunReader reader) {
        return runOn(reader);
    }

    /** A run asked for by operations or one-shot mode has nothing to read: the origin route brings the records. */
    @Override
    protected void read(BatchSink sink) {
        sink.note("records arrive only from the route that sends to hub-feed:" + feed());
    }

    /**
     * The origin may give the same records again (a file fetched again after a failure, a service or table read in
     * full): the mapping step then leaves out what was delivered unchanged ({@code skipUnchanged: auto}).
     */
    @Override
    public boolean rereadsUnchangedRecords() {
        return true;
    }

    @Override
    public Optional<Instant> nextScheduledRun() {
        return Optional.empty();
    }

    @Override
    protected void doStart() throws Exception {
        endpoint.getComponent().register(this);
        try {
            super.doStart();
        } catch (Exception e) {
            endpoint.getComponent().unregister(this);
            throw e;
        }
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().unregister(this);
        super.doStop();
    }
}
