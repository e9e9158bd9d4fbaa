package org.exchangehub.unify;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedProperties;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.protect.FieldProtection;
import org.exchangehub.state.StateStore;

/**
 * Maps the batch on the exchange in place: unified records and rejections are set on the {@link Batch}. The mapper is
 * looked up per batch so that a mapping reloaded in development is used by the next batch.
 */
final class UnifyProducer extends DefaultProducer {

    private final FeedMappings mappings;
    private final String name;
    private final UnifyEndpoint endpoint;
    private volatile UnchangedRecords unchanged;
    private volatile FeedRegistry registry;
    private volatile FieldProtection protection;
    private volatile StateStore state;

    UnifyProducer(UnifyEndpoint endpoint, FeedMappings mappings, String name) {
        super(endpoint);
        this.mappings = mappings;
        this.name = name;
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        StateStore state = getEndpoint().getCamelContext().getRegistry().findSingleByType(StateStore.class);
        unchanged = state == null ? null : new UnchangedRecords(state);
        this.state = state;
        registry = getEndpoint().getCamelContext().getRegistry().findSingleByType(FeedRegistry.class);
        protection = getEndpoint().getCamelContext().getRegistry().findSingleByType(FieldProtection.class);
        Dataset dataset = mappings.current(name).dataset();
        if (protection == null && dataset.fields().stream().anyMatch(FieldSpec::isProtected)) {
            throw new IllegalStateException("mapping " + name + ": dataset " + dataset.name() + " protects personal"
                    + " fields, and the hub's FieldProtection (its keys) is missing; nothing is delivered in clear");
        }
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
        mappings.current(name).map(batch);
        if (skipsUnchanged(exchange, batch)) {
            unchanged.skip(batch);
        }
        // after validation and the unchanged check, which work on the clear values; a dry run delivers nothing
        if (protection != null && !DryRun.isDryRun(exchange)) {
            protection.protect(batch);
        }
        settleOpenRejects(exchange, batch);
    }

    /**
     * Settles the batch against the feed's open rejects here, while its records are in this thread's cache, instead
     * of in the commit on the write stage; a dry run commits nothing and settles nothing.
     */
    private void settleOpenRejects(Exchange exchange, Batch batch) {
        StateStore store = state;
        if (store == null || DryRun.isDryRun(exchange)) {
            return;
        }
        org.exchangehub.state.OpenRejects open = store.openRejects(batch.feedId());
        if (open != null) {
            batch.settle(open);
        }
    }

    /** Never in a dry run (it shows every record) or a replay (its records are quarantined afresh). */
    private boolean skipsUnchanged(Exchange exchange, Batch batch) {
        if (unchanged == null || Boolean.TRUE.equals(exchange.getProperty(DryRun.PROPERTY))
                || Boolean.TRUE.equals(exchange.getProperty(FeedProperties.REPLAY))) {
            return false;
        }
        return switch (endpoint.getSkipUnchanged()) {
            case "true" -> true;
            case "false" -> false;
            default -> registry != null && registry.feed(batch.feedId()).map(FeedConsumer::rereadsUnchangedRecords)
                    .orElse(false);
        };
    }
}
