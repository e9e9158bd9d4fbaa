package org.exchangehub.sink.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.exchangehub.demo.TrickleResult;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The demo feed with its warehouse switch on ({@code hub.sinks.warehouse.enabled}), delivering into a real
 * PostgreSQL server: an initial load, then an incremental run after the register inserted and updated rows.
 */
@SpringBootTest(properties = {
    "hub.scheduling-enabled=false",
    "camel.main.jmx-enabled=false",
    "spring.datasource.url=jdbc:h2:mem:warehouse-pg-it-state;DB_CLOSE_DELAY=-1",
    "hub.demo.market-regulation.database-name=warehouse-pg-it",
    "hub.demo.market-regulation.trickle-interval=1h",
    "hub.sinks.warehouse.enabled=true",
})
@DirtiesContext
class WarehouseFeedPostgresIT {

    private static final String FEED = "market-regulation.enterprises";
    private static final EmbeddedPostgres POSTGRES = start();

    @Autowired
    FeedRegistry feeds;
    @Autowired
    MarketRegulationDatabase register;

    private final JdbcTemplate warehouse = new JdbcTemplate(POSTGRES.getPostgresDatabase());

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        registry.add("hub.warehouse.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres")
                + "&reWriteBatchedInserts=true");
        registry.add("hub.warehouse.username", () -> "postgres");
        registry.add("hub.lake.root", () -> tempDir());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        POSTGRES.close();
    }

    @Test
    void initialLoadThenIncrementalRunLeaveOneRowPerKeyWithTheLatestVersion() {
        FeedConsumer feed = feeds.feed(FEED).orElseThrow();
        assertThat(feed.runNow().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(register.expectedValidUsccs());
        Map<String, String> hashesBefore = hashes();

        TrickleResult trickle = register.trickle(10, 40);
        RunRecord incremental = feed.runNow();

        assertThat(incremental.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(keys()).containsExactlyInAnyOrderElementsOf(register.expectedValidUsccs());
        assertThat(warehouse.queryForObject("SELECT COUNT(*) - COUNT(DISTINCT uscc) FROM legal_entity", Integer.class))
                .isZero();
        JdbcTemplate source = new JdbcTemplate(register.dataSource());
        for (TrickleResult.Update update : trickle.updated()) {
            Map<String, Object> src = source.queryForMap("SELECT TYSHXYDM, DJZT FROM T_QYDJ WHERE ID = ?", update.id());
            String uscc = (String) src.get("TYSHXYDM");
            if (!register.expectedValidUsccs().contains(uscc)) {
                continue;
            }
            Map<String, Object> row = warehouse.queryForMap("SELECT * FROM legal_entity WHERE uscc = ?", uscc);
            assertThat(row.get("_run_id")).as("run of updated row %s", update.id()).isEqualTo(incremental.runId());
            assertThat(row.get("_record_hash")).as("hash of updated row %s", update.id())
                    .isNotEqualTo(hashesBefore.get(uscc));
            if (update.column().equals("DJZT")) {
                assertThat(row.get("status_code")).isEqualTo(String.valueOf(Integer.parseInt((String) src.get("DJZT"))));
            }
        }
    }

    @Test
    void columnsHaveTheCatalogueTypesAndTheBusinessKeyIsThePrimaryKey() {
        assertThat(feeds.feed(FEED).orElseThrow().runNow().status()).isEqualTo(RunStatus.SUCCEEDED);

        Map<String, String> types = warehouse.queryForList("SELECT column_name, data_type, character_maximum_length,"
                + " numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = 'legal_entity'")
                .stream().collect(Collectors.toMap(c -> (String) c.get("column_name"), c -> c.get("data_type")
                        + (c.get("character_maximum_length") != null ? "(" + c.get("character_maximum_length") + ")"
                        : c.get("numeric_scale") != null && "numeric".equals(c.get("data_type"))
                                ? "(" + c.get("numeric_precision") + "," + c.get("numeric_scale") + ")" : "")));
        assertThat(types).containsEntry("uscc", "character varying(18)")
                .containsEntry("name", "text")
                .containsEntry("registered_capital_cny", "numeric(20,2)")
                .containsEntry("established_date", "date")
                .containsEntry("status_code", "character varying(1)")
                .containsEntry("_extracted_at", "timestamp with time zone")
                .containsEntry("_record_hash", "character(64)");
        assertThat(warehouse.queryForList("SELECT a.attname FROM pg_index i JOIN pg_attribute a"
                + " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
                + " WHERE i.indrelid = 'legal_entity'::regclass AND i.indisprimary", String.class))
                .containsExactly("uscc");
        assertThat(warehouse.queryForObject("SELECT COUNT(*) FROM legal_entity WHERE registered_capital_cny IS NOT NULL"
                + " AND registered_capital_cny > 0 AND established_date < CURRENT_DATE", Integer.class)).isPositive();
    }

    private List<String> keys() {
        return warehouse.queryForList("SELECT uscc FROM legal_entity", String.class);
    }

    private Map<String, String> hashes() {
        return warehouse.queryForList("SELECT uscc, _record_hash FROM legal_entity").stream()
                .collect(Collectors.toMap(r -> (String) r.get("uscc"), r -> (String) r.get("_record_hash")));
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String tempDir() {
        try {
            return Files.createTempDirectory("warehouse-pg-it-lake").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
