package org.exchangehub.source.http;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kamelet.KameletComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.state.JdbcStateStore;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * A feed route around one source URI (a component's, or a connector's from {@code connectors/}) on a plain Camel
 * context with a real (in-memory H2) state store: the route collects each batch it receives, and may refuse one to play a failing sink. Runs are started by hand.
 */
final class FeedHarness implements AutoCloseable {

    static final String FEED = "test.feed";

    final StateStore state;
    final List<Batch> batches = new CopyOnWriteArrayList<>();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final FeedRegistry registry = new FeedRegistry();
    private volatile Predicate<Batch> sinkFails = b -> false;

    FeedHarness(String uri) throws Exception {
        this(uri, null);
    }

    /** @param clock the hub's clock the source reads, or null for the system's */
    FeedHarness(String uri, Clock clock) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:http-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).locations("classpath:db/state").load().migrate();
        state = new JdbcStateStore(ds);
        registry.suspendScheduling(true);
        camel.getRegistry().bind("stateStore", StateStore.class, state);
        camel.getRegistry().bind("feedRegistry", FeedRegistry.class, registry);
        if (clock != null) {
            camel.getRegistry().bind("clock", Clock.class, clock);
        }
        camel.getComponent("kamelet", KameletComponent.class).setLocation("file:connectors"); // as the hub does
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(FEED).process(exchange -> {
                    Batch batch = exchange.getIn().getBody(Batch.class);
                    if (sinkFails.test(batch)) {
                        throw new IllegalStateException("the test's sink refused batch " + batch.index());
                    }
                    batches.add(batch);
                });
            }
        });
        camel.start();
    }

    /** Makes the sink refuse the batches that match. */
    void sinkFailsOn(Predicate<Batch> which) {
        this.sinkFails = which;
    }

    RunRecord run() {
        return registry.feed(FEED).orElseThrow().runNow();
    }

    /** The delivered records' source keys, in delivery order. */
    List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Batch b : batches) {
            for (SourceRecord r : b.records()) {
                keys.add(r.sourceKey());
            }
        }
        return keys;
    }

    List<SourceRecord> records() {
        return batches.stream().flatMap(b -> b.records().stream()).toList();
    }

    List<Rejection> rejections() {
        return batches.stream().flatMap(b -> b.rejections().stream()).toList();
    }

    String watermark() {
        return state.watermark(FEED).map(Object::toString).orElse(null);
    }

    @Override
    public void close() {
        camel.stop();
    }
}
