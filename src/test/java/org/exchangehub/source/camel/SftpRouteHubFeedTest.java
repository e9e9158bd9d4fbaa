package org.exchangehub.source.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A route whose {@code from} is camel-ftp's own {@code sftp://} URI (done file, move to .done, pinned host key)
 * against a real SFTP server, handed to the hub by the one {@code hub-feed} step
 * ({@code src/test/resources/anyuri/routes/education-students.yaml}): the file's records reach the lake as one
 * feed run in the exchange log, and camel-ftp moves the file only once the run succeeded; a run that fails leaves
 * the file where it was.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SftpRouteHubFeedTest {

    private static final String FEED = "education.students";
    private static final Path DIR = HubTestSupport.tempDir("anyuri-sftp");
    private static final Path LAKE = DIR.resolve("lake");
    private static StudentsSftp sftp;

    @Autowired
    StateStore state;

    @Autowired
    FeedRegistry feeds;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        sftp = new StudentsSftp(DIR);
        Path config = StudentsSftp.config();
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.config-dir", config::toString);
        registry.add("camel.main.routes-include-pattern", () -> StudentsSftp.ROUTES);
        registry.add("anyuri.sftp.port", sftp::port);
        registry.add("anyuri.sftp.password", () -> StudentsSftp.PASSWORD);
        registry.add("anyuri.sftp.known-hosts", sftp.knownHosts::toString);
        registry.add("anyuri.batch-size", () -> "400");
    }

    @AfterAll
    static void stop() throws Exception {
        sftp.close();
    }

    @Test
    void aFileFetchedBySftpIsDeliveredToTheLakeInBatchesThenMovedToDone() throws Exception {
        List<String> ids = sftp.drop(1, 1000);

        await("XJ_1.csv moved to .done").atMost(Duration.ofMinutes(2))
                .until(() -> Files.exists(sftp.drop.resolve(".done/XJ_1.csv")));

        assertThat(sftp.drop.resolve("XJ_1.csv")).doesNotExist();
        assertThat(StudentsSftp.lake(LAKE).stream().filter(r -> r.get("_source_key").toString().startsWith("XJ_1.csv:"))
                .map(r -> r.get("id_number"))).containsExactlyInAnyOrderElementsOf(ids);
        RunRecord run = runOf("XJ_1.csv");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(1000);
        assertThat(run.rowsDelivered()).isEqualTo(1000);
        assertThat(feeds.feed(FEED)).as("the feed is registered for operations").isPresent();
    }

    @Test
    void aRunThatFailsLeavesTheFileWhereItWasAndDeliversNothing() throws Exception {
        Files.write(sftp.drop.resolve("XJ_2.csv"), new byte[0]); // no header line: the run fails as truncated
        Files.writeString(sftp.drop.resolve("XJ_2.csv.ok"), "");
        try {
            await("a failed run for XJ_2.csv").atMost(Duration.ofMinutes(2))
                    .until(() -> state.runs(FEED, 50).stream().anyMatch(r -> r.status() == RunStatus.FAILED
                            && r.error() != null && r.error().contains("empty")));

            assertThat(sftp.drop.resolve("XJ_2.csv")).as("not committed by camel-ftp").exists();
            assertThat(sftp.drop.resolve(".done/XJ_2.csv")).doesNotExist();
            assertThat(StudentsSftp.lake(LAKE)).noneMatch(r -> r.get("_source_key").toString().startsWith("XJ_2.csv"));
        } finally {
            Files.delete(sftp.drop.resolve("XJ_2.csv.ok"));
            Files.delete(sftp.drop.resolve("XJ_2.csv"));
        }
    }

    /** The feed's successful run that delivered the given file's records. */
    private RunRecord runOf(String file) throws Exception {
        List<Map<String, Object>> rows = StudentsSftp.lake(LAKE);
        return state.runs(FEED, 50).stream().filter(r -> r.status() == RunStatus.SUCCEEDED && r.rowsDelivered() > 0)
                .filter(r -> rows.stream().anyMatch(row -> row.get("_source_key").toString().startsWith(file + ":")))
                .findFirst().orElseThrow();
    }
}
