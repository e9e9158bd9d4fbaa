package org.exchangehub.kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Development reload: a mapping edited under a running hub is used by the feed's next run, without a restart. */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class MappingReloadIT {

    private static final String FEED = "market-regulation.enterprises";
    private static final ProjectCopy PROJECT = ProjectCopy.create();
    private static final Path MAPPING = PROJECT.file("config/mappings/market-regulation-enterprises.yaml");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, HubTestSupport.tempDir("lake"));
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.market-regulation.rows", () -> "300");
        registry.add("hub.config-dir", () -> PROJECT.file("config").toString());
        registry.add("camel.main.routes-include-pattern", () -> "file:src/test/resources/kit/routes/*.yaml");
        registry.add("hub.mappings.reload", () -> "true");
    }

    @Autowired
    FeedRegistry feeds;

    @Test
    void editedMappingIsUsedByTheNextRun() throws Exception {
        RunRecord before = feeds.feed(FEED).orElseThrow().runNow();
        assertThat(before.rowsRead()).isEqualTo(300);

        // the department's codes 01-04 are no longer translated: those rows become UNKNOWN_CODE rejects
        PROJECT.edit("config/mappings/market-regulation-enterprises.yaml",
                ", codes: { \"01\": \"1\", \"02\": \"2\", \"03\": \"3\", \"04\": \"4\" }, standard_codes: accept", "");
        Files.setLastModifiedTime(MAPPING, FileTime.from(Instant.now().plusSeconds(5)));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                feeds.feed(FEED).orElseThrow().runNow().rowsRejected())
                .as("rejects after the edit").isGreaterThan(before.rowsRejected() + 50));
    }
}
