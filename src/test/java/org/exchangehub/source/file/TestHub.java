package org.exchangehub.source.file;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.JdbcStateStore;
import org.exchangehub.state.RunRecord;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.exchangehub.unify.FeedMappings;

/**
 * A hub in miniature for tests: one feed route {@code file-drop:... → unify:public-security-persons → lake:person},
 * an in-memory state store that outlives restarts of the Camel context (a restart, or a second instance), and a
 * DuckDB reader of the lake.
 */
final class TestHub implements AutoCloseable {

    static final String FEED = "public-security.households";

    private final JdbcDataSource state;
    private final Path lake;
    private final FeedMappings mappings;
    private DefaultCamelContext camel;
    private JdbcStateStore store;

    private final String feed;
    private final String mapping;

    TestHub(Path lake) {
        this(lake, FEED, Path.of("config/mappings"), "public-security-persons");
    }

    /** A hub whose feed {@code feed} maps with {@code mapping} from {@code mappingsDir}. */
    TestHub(Path lake, String feed, Path mappingsDir, String mapping) {
        this.feed = feed;
        this.mapping = mapping;
        this.lake = lake;
        this.state = new JdbcDataSource();
        state.setURL("jdbc:h2:mem:file-drop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(state).locations("classpath:db/state").load().migrate();
        this.mappings = FeedMappings.load(mappingsDir, CatalogueLoader.load(Path.of("config/catalogue")),
                DivisionCodes.loadIfPresent(Path.of("config/codes/divisions.csv")), Clock.systemDefaultZone());
    }

    /** Starts (or restarts) the hub with a feed reading {@code sourceUri}; the state store is kept. */
    TestHub start(String sourceUri) throws Exception {
        return start(sourceUri, exchange -> { });
    }

    /** Starts (or restarts) the hub with {@code beforeLake} run on each batch between the mapping and the lake. */
    TestHub start(String sourceUri, org.apache.camel.Processor beforeLake) throws Exception {
        return start(sourceUri, beforeLake, exchange -> { });
    }

    /** As {@link #start(String, org.apache.camel.Processor)}, with {@code afterLake} run on each batch the lake wrote. */
    TestHub start(String sourceUri, org.apache.camel.Processor beforeLake, org.apache.camel.Processor afterLake)
            throws Exception {
        return start(sourceUri, beforeLake, afterLake, null);
    }

    /**
     * As {@link #start(String, org.apache.camel.Processor, org.apache.camel.Processor)}, the route redelivering a
     * failed step twice after 20 ms as the feeds' error handler does, {@code onRedelivery} run before each attempt.
     */
    TestHub startRedelivering(String sourceUri, org.apache.camel.Processor beforeLake,
            org.apache.camel.Processor afterLake, org.apache.camel.Processor onRedelivery, boolean asyncDelayed)
            throws Exception {
        return start(sourceUri, beforeLake, afterLake, route -> {
            var handler = route.defaultErrorHandler().maximumRedeliveries(2).redeliveryDelay(20)
                    .onRedelivery(onRedelivery);
            route.errorHandler(asyncDelayed ? handler.asyncDelayedRedelivery() : handler);
        });
    }

    private TestHub start(String sourceUri, org.apache.camel.Processor beforeLake,
            org.apache.camel.Processor afterLake, java.util.function.Consumer<RouteBuilder> errorHandler)
            throws Exception {
        stop();
        store = new JdbcStateStore(state);
        FeedRegistry registry = new FeedRegistry();
        registry.suspendScheduling(true);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("stateStore", store);
        camel.getRegistry().bind("feedRegistry", registry);
        camel.getRegistry().bind("feedMappings", mappings);
        camel.getRegistry().bind("routeMappings", new org.exchangehub.unify.RouteMappings(mappings));
        String lakeUri = "lake:person?root=" + lake.toAbsolutePath();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (errorHandler != null) {
                    errorHandler.accept(this);
                }
                from(sourceUri).routeId(feed).to("unify:" + mapping).process(beforeLake).to(lakeUri)
                        .process(afterLake);
            }
        });
        camel.start();
        return this;
    }

    RunRecord run() {
        return consumer().runNow();
    }

    FeedConsumer consumer() {
        return (FeedConsumer) camel.getRoute(feed).getConsumer();
    }

    JdbcStateStore store() {
        return store;
    }

    /** Each quarantined record's source key, the run that quarantined it and the run that resolved it, oldest first. */
    List<Map<String, Object>> quarantine() {
        return new org.springframework.jdbc.core.JdbcTemplate(state).queryForList(
                "SELECT source_key, run_id, resolved_by_run FROM hub_quarantine ORDER BY id");
    }

    /** The person records in the lake, ordered by source key. */
    List<Map<String, Object>> lake() throws SQLException {
        return lake("SELECT * EXCLUDE (_run_id, _extracted_at, _record_hash, _change_time) FROM read_parquet("
                + "'" + lake.toAbsolutePath() + "/person/**/*.parquet', hive_partitioning = false) ORDER BY _source_key");
    }

    long lakeCount() throws SQLException {
        if (!java.nio.file.Files.exists(lake.resolve("person"))) {
            return 0;
        }
        return Long.parseLong((String) lake("SELECT COUNT(*) AS n FROM read_parquet('" + lake.toAbsolutePath()
                + "/person/**/*.parquet')").get(0).get("n"));
    }

    private static List<Map<String, Object>> lake(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnLabel(i), v == null ? null : v.toString());
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private void stop() {
        if (camel != null) {
            camel.stop();
            camel = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
