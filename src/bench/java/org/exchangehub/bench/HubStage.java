package org.exchangehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;

import org.exchangehub.ExchangeHubApplication;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The hub itself: the real application started with a bench route folder and {@code hub.datasources.benchDb}
 * pointing at the embedded PostgreSQL, the state store in PostgreSQL too. The measured part is one run of the
 * feed: source, mapping, validation, lake sink, quarantine and state commit. Start-up is not measured.
 */
final class HubStage implements Stage, AutoCloseable {

    static final String FEED = "bench.enterprises";

    private static final String ROUTE = """
            - route:
                id: bench.enterprises
                description: The benchmark's copy of the market-regulation feed (T_QYDJ to legal_entity)
                routeConfigurationId: feed-errors
                from:
                  uri: kamelet:jdbc-incremental-source
                  parameters:
                    dataSource: benchDb
                    table: T_QYDJ
                    keyColumn: ID
                    changeColumn: GXSJ
                    period: 24h
                    initialDelay: 24h
                  steps:
                    - to:
                        uri: kamelet:unified-mapping-action
                        parameters:
                          mapping: market-regulation-enterprises
                    - to:
                        uri: kamelet:lake-sink
            """;

    private final BenchDatabase db;
    private final Path work;
    private ConfigurableApplicationContext app;
    private Path lake;

    HubStage(BenchDatabase db, Path work) {
        this.db = db;
        this.work = work;
    }

    @Override
    public String name() {
        return "hub (route: jdbc source → unify → lake, state)";
    }

    /** Starts the application (not measured). */
    void start(int round) throws IOException, java.sql.SQLException {
        db.createDatabase(BenchDatabase.STATE_DB + round);
        Path routes = Files.createDirectories(work.resolve("hub-routes"));
        Files.writeString(routes.resolve("bench-enterprises.yaml"), ROUTE);
        Files.copy(Path.of("routes", "feed-error-handling.yaml"), routes.resolve("feed-error-handling.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        lake = work.resolve("hub-lake-" + round);
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", db.jdbcUrl(BenchDatabase.STATE_DB + round));
        p.put("spring.datasource.username", "postgres");
        p.put("spring.datasource.password", "");
        p.put("hub.datasources.benchDb.url", db.jdbcUrl("postgres"));
        p.put("hub.datasources.benchDb.username", "postgres");
        p.put("hub.demo.enabled", "false");
        p.put("hub.scheduling-enabled", "false");
        p.put("hub.lake.root", lake.toString());
        p.put("camel.main.routes-include-pattern",
                "file:" + routes.toAbsolutePath() + "/*.yaml");
        p.put("camel.main.jmx-enabled", "false");
        p.put("logging.level.root", "WARN");
        p.put("spring.autoconfigure.exclude",
                "org.springframework.boot.autoconfigure.batch.BatchAutoConfiguration"); // the Batch stage's jar
        // as command-line arguments, so that they override application.yml as an operator's would
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        app = new SpringApplicationBuilder(ExchangeHubApplication.class)
                .web(WebApplicationType.NONE)
                .run(args);
    }

    @Override
    public Outcome run() throws IOException {
        RunRecord run = app.getBean(FeedRegistry.class).feed(FEED).orElseThrow().runNow();
        if (run.status() != RunStatus.SUCCEEDED) {
            throw new IllegalStateException("the hub's run failed: " + run.error());
        }
        return new Outcome(run.rowsRead(), run.rowsDelivered(), Sizes.parquetBytes(lake),
                run.rowsRejected() + " quarantined");
    }

    @Override
    public void close() {
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
