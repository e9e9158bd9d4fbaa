package org.exchangehub.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** dry-run reads a feed's real source through its real route, and moves nothing: state store, lake and source. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DryRunIT {

    private static final String FEED = "market-regulation.enterprises";
    private static final Path LAKE = HubTestSupport.tempDir("lake");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.market-regulation.rows", () -> "400");
    }

    @Autowired
    FeedRegistry feeds;

    @Autowired
    DataSource state;

    @Autowired
    @Qualifier("marketRegulationDb")
    DataSource department;

    @Test
    void dryRunShowsRecordsAndRejectsAndMovesNothing() throws Exception {
        Map<String, Long> stateBefore = rowsPerTable(state);
        String sourceBefore = sourceFingerprint();

        DryRun run = DryRunner.dryRun(feeds, FEED, 300, null, StandardCharsets.UTF_8);

        assertThat(run.read()).isEqualTo(300);
        assertThat(run.records().size() + run.rejections().size()).isEqualTo(300);
        assertThat(run.rejections()).isNotEmpty();
        assertThat(rowsPerTable(state)).isEqualTo(stateBefore);
        assertThat(stateBefore).containsEntry("HUB_WATERMARK", 0L).containsEntry("HUB_RUN", 0L)
                .containsEntry("HUB_QUARANTINE", 0L);
        assertThat(lakeFiles()).isEmpty();
        assertThat(sourceFingerprint()).isEqualTo(sourceBefore);
        assertThat(feeds.feed(FEED).orElseThrow().lastRun()).isNull();
    }

    @Test
    void sampleFileRunsThroughTheFeedsMappingInsteadOfItsSource() throws Exception {
        Path sample = Path.of("src/test/resources/kit/t_qydj-sample.csv");

        DryRun run = DryRunner.dryRun(feeds, FEED, 0, sample, StandardCharsets.UTF_8);

        assertThat(run.records()).extracting(r -> r.values()[0]).containsExactly("91350100M00010002X");
        assertThat(run.rejections()).singleElement().satisfies(r -> {
            assertThat(r.sourceKey()).isEqualTo("t_qydj-sample.csv:3");
            assertThat(r.violations()).extracting(v -> v.reason()).containsExactly(ReasonCode.INVALID_USCC);
        });
        assertThat(lakeFiles()).isEmpty();
        assertThat(rowsPerTable(state)).containsEntry("HUB_QUARANTINE", 0L);
    }

    @Test
    void tableOutputMasksPersonalFields() {
        DryRun run = DryRunner.dryRun(feeds, FEED, 0, Path.of("src/test/resources/kit/t_qydj-sample.csv"),
                StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordPrinter.table(run, new PrintStream(out, true, StandardCharsets.UTF_8));
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("legal_rep_name*").contains("张*丰").doesNotContain("张三丰")
                .contains("INVALID_USCC");
    }

    private static Map<String, Long> rowsPerTable(DataSource ds) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        Map<String, Long> rows = new TreeMap<>();
        List<String> tables = jdbc.queryForList("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'", String.class);
        for (String t : tables) {
            rows.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM \"" + t + "\"", Long.class));
        }
        return rows;
    }

    private String sourceFingerprint() {
        return new JdbcTemplate(department).queryForObject(
                "SELECT COUNT(*) || '/' || MAX(GXSJ) || '/' || SUM(ID) FROM T_QYDJ", String.class);
    }

    private static List<Path> lakeFiles() throws Exception {
        if (!Files.exists(LAKE)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(LAKE)) {
            return s.filter(Files::isRegularFile).toList();
        }
    }
}
