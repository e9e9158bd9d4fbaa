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
                    initialDelay: 24h%s
                  steps:
                    - to:
                        uri: kamelet:unified-mapping-action
                        parameters:
                          mapping: market-regulation-enterprises
                    - to:
                        uri: kamelet:lake-sink
            """;

    static final String FILE_FEED = "bench.persons";

    /** The file scenario's feed: the household-registration drop in a local folder, with its done marker. */
    private static final String FILE_ROUTE = """
            - route:
                id: bench.persons
                description: The benchmark's copy of the household-registration feed (GBK CSV drop to person)
                routeConfigurationId: feed-errors
                from:
                  uri: kamelet:file-drop-source
                  parameters:
                    protocol: file
                    directory: "%s"
                    include: "*.csv"
                    format: csv
                    charset: GBK
                    readyWhen: doneMarker
                    doneMarker: "${file}.ok"
                    afterRead: leave
                    maxMalformedPercent: 5
                    period: 24h
                    initialDelay: 24h%s
                  steps:
                    - to:
                        uri: kamelet:unified-mapping-action
                        parameters:
                          mapping: public-security-persons
                          skipUnchanged: "%s"
                    - to:
                        uri: kamelet:lake-sink
            """;

    private final BenchDatabase db;
    private final Path work;
    private final boolean pipelined;
    private final Path drop;
    private final String feed;
    /** Key ranges read at a time by a split load; 0 reads without a split. */
    private final int splitThreads;
    private ConfigurableApplicationContext app;
    private Path lake;

    /** @param pipelined whether the feed delivers on its own delivery thread (the default) or on the reading one */
    HubStage(BenchDatabase db, Path work, boolean pipelined) {
        this(db, work, pipelined, null);
    }

    /** @param drop the file scenario's drop folder, or null for the database scenario */
    HubStage(BenchDatabase db, Path work, boolean pipelined, Path drop) {
        this(db, work, pipelined, drop, 0);
    }

    /** The database scenario as a split load: {@value #SPLIT_CHUNKS} key ranges of ID, {@code threads} at a time. */
    static HubStage split(BenchDatabase db, Path work, int threads) {
        return new HubStage(db, work, true, null, threads);
    }

    static final int SPLIT_CHUNKS = 4;

    private HubStage(BenchDatabase db, Path work, boolean pipelined, Path drop, int splitThreads) {
        this.splitThreads = splitThreads;
        this.db = db;
        this.work = work;
        this.pipelined = pipelined;
        this.drop = drop;
        this.feed = drop == null ? FEED : FILE_FEED;
    }

    @Override
    public String name() {
        if (splitThreads > 0) {
            return "hub, split load (jdbc source, " + SPLIT_CHUNKS + " key ranges, " + splitThreads + " at a time)";
        }
        String source = drop == null ? "jdbc source" : "file-drop source";
        return pipelined ? "hub (route: " + source + " → unify → lake, state)"
                : "hub, one thread (" + source + ", before: no delivery thread)";
    }

    /** Starts the application (not measured). */
    void start(int round) throws IOException, java.sql.SQLException {
        String id = (drop == null ? "" : "f") + (pipelined ? "p" : "s") + (splitThreads > 0 ? "k" + splitThreads : "")
                + round;
        db.createDatabase(BenchDatabase.STATE_DB + id);
        Path routes = Files.createDirectories(work.resolve("hub-routes"));
        try (var old = Files.list(routes)) {
            old.forEach(f -> f.toFile().delete());
        }
        if (drop == null) {
            Files.writeString(routes.resolve("bench-enterprises.yaml"), ROUTE.formatted(splitThreads == 0 ? ""
                    : "\n        splitColumn: ID\n        splitChunks: " + SPLIT_CHUNKS + "\n        splitThreads: "
                            + splitThreads));
        } else {
            Files.writeString(routes.resolve("bench-persons.yaml"), FILE_ROUTE.formatted(drop.toAbsolutePath(),
                    System.getProperty("bench.fileBatch") == null ? ""
                            : "\n        batchSize: " + Integer.getInteger("bench.fileBatch"),
                    System.getProperty("bench.skipUnchanged", "auto")));
        }
        Files.copy(Path.of("routes", "feed-error-handling.yaml"), routes.resolve("feed-error-handling.yaml"),
                StandardCopyOption.REPLACE_EXISTING);
        lake = work.resolve("hub-lake-" + id);
        Map<String, Object> p = new HashMap<>();
        // as the README tells production to: PostgreSQL state store with its batched inserts rewritten
        p.put("spring.datasource.url", db.jdbcUrl(BenchDatabase.STATE_DB + id) + "&reWriteBatchedInserts=true");
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
        app.getBean(FeedRegistry.class).feed(feed).orElseThrow().setPipelined(pipelined);
    }

    @Override
    public Outcome run() throws IOException {
        RunRecord run = app.getBean(FeedRegistry.class).feed(feed).orElseThrow().runNow();
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
