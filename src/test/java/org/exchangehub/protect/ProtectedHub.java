package org.exchangehub.protect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.JdbcStateStore;
import org.exchangehub.state.RunRecord;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.exchangehub.unify.FeedMappings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hub in miniature with protected fields: two file-drop feeds, persons and social insurance enrolments (CSV,
 * UTF-8), each mapped and delivered to an uncompressed lake (so that clear bytes would show), an H2 warehouse and,
 * when given a broker, Kafka. State store and warehouse outlive a restart under another active key.
 */
final class ProtectedHub implements AutoCloseable {

    static final String PERSONS = "protect.persons";
    static final String INSURANCE = "protect.insurance";

    final Path lake;
    final Path drops;
    final Path catalogue;
    final JdbcStateStore state;
    final JdbcTemplate warehouse;
    private final JdbcDataSource warehouseDb = new JdbcDataSource();
    private final FeedMappings mappings;
    private final String brokers;
    private DefaultCamelContext camel;
    private FieldProtection protection;

    /** @param brokers the Kafka brokers, or null for lake and warehouse only */
    ProtectedHub(Path dir, Map<String, String> protect, String brokers) throws IOException {
        this.lake = dir.resolve("lake");
        this.drops = dir.resolve("drops");
        this.brokers = brokers;
        Files.createDirectories(drops.resolve(PERSONS));
        Files.createDirectories(drops.resolve(INSURANCE));
        catalogue = Catalogues.copy(dir.resolve("catalogue"), protect);
        JdbcDataSource stateDb = new JdbcDataSource();
        stateDb.setURL("jdbc:h2:mem:protect-state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(stateDb).locations("classpath:db/state").load().migrate();
        state = new JdbcStateStore(stateDb);
        warehouseDb.setURL("jdbc:h2:mem:protect-wh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        warehouse = new JdbcTemplate(warehouseDb);
        mappings = FeedMappings.load(Path.of("src/test/resources/protect/mappings"), Catalogues.load(catalogue),
                DivisionCodes.loadIfPresent(Path.of("config/codes/divisions.csv")), Clock.systemDefaultZone());
    }

    /** Starts (or restarts) the hub with new values encrypted under {@code activeKey}. */
    ProtectedHub start(String activeKey) throws Exception {
        close();
        protection = Catalogues.protection(catalogue, activeKey);
        FeedRegistry registry = new FeedRegistry();
        registry.suspendScheduling(true);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("stateStore", state);
        camel.getRegistry().bind("feedRegistry", registry);
        camel.getRegistry().bind("feedMappings", mappings);
        camel.getRegistry().bind("fieldProtection", protection);
        camel.getRegistry().bind("wh", warehouseDb);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                feed(this, PERSONS, "protect-persons", "person");
                feed(this, INSURANCE, "protect-insurance", "social_insurance");
            }
        });
        camel.start();
        return this;
    }

    private void feed(RouteBuilder routes, String feed, String mapping, String dataset) {
        var route = routes.from("file-drop:file?directory=" + drops.resolve(feed).toAbsolutePath()
                + "&format=csv&charset=UTF-8").routeId(feed).to("unify:" + mapping)
                .to("lake:" + dataset + "?compression=UNCOMPRESSED&root=" + lake.toAbsolutePath())
                .to("warehouse:" + dataset + "?dataSource=#wh");
        if (brokers != null) {
            route.to("topic:" + dataset + "?brokers=" + brokers + "&topic=" + topic(dataset));
        }
    }

    /** This hub's topic of a dataset. */
    String topic(String dataset) {
        return "protect-" + lake.getParent().getFileName() + "." + dataset;
    }

    FieldProtection protection() {
        return protection;
    }

    /** Drops a file (with its {@code .ok} marker) for the feed and runs it once. */
    RunRecord deliver(String feed, String fileName, String csv) throws IOException {
        Files.writeString(drops.resolve(feed).resolve(fileName), csv, StandardCharsets.UTF_8);
        Files.writeString(drops.resolve(feed).resolve(fileName + ".ok"), "");
        return ((FeedConsumer) camel.getRoute(feed).getConsumer()).runNow();
    }

    /** The dataset's lake files, oldest run first. */
    List<Path> lakeFiles(String dataset) throws IOException {
        try (Stream<Path> files = Files.walk(lake.resolve(dataset))) {
            return files.filter(p -> p.toString().endsWith(".parquet")).sorted().toList();
        }
    }

    @Override
    public void close() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }
}
