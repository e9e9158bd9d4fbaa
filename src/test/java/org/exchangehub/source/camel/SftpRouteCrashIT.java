package org.exchangehub.source.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.exchangehub.ExchangeHubApplication;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;

/**
 * The hub, in a JVM of its own, killed ({@code destroyForcibly}, i.e. SIGKILL) while it delivers a file that
 * camel-ftp's {@code sftp://} endpoint fetched through the {@code hub-feed} step, then started again: the file was
 * not moved while half delivered; after the restart it is delivered fully and only then moved to {@code .done};
 * duplicates in the lake are at most one batch and carry the same record hash.
 */
class SftpRouteCrashIT {

    private static final int ROWS = 10_000;
    private static final int BATCH = 200;

    /** Kept after the test: the hubs' logs say why when it fails. */
    private final Path dir = HubTestSupport.tempDir("anyuri-crash");

    @Test
    void hubKilledMidDeliveryDeliversTheFileFullyAfterRestartAndOnlyThenMovesIt() throws Exception {
        try (StudentsSftp sftp = new StudentsSftp(dir)) {
            Path config = StudentsSftp.config();
            Path lake = dir.resolve("lake");
            Set<String> expected = new HashSet<>(sftp.drop(7, ROWS));

            Process first = hub("first", sftp, config);
            try {
                await("some batches in the lake").atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !first.isAlive() || parquetFiles(lake) >= 2);
                assertThat(first.isAlive()).as("the first hub is still running (see %s)", log("first")).isTrue();
            } finally {
                first.destroyForcibly().waitFor();
            }
            assertThat(sftp.drop.resolve("XJ_7.csv")).as("not moved while half delivered (see %s)", log("first"))
                    .exists();
            assertThat(sftp.drop.resolve(".done/XJ_7.csv")).doesNotExist();
            assertThat(StudentsSftp.lake(lake)).as("killed mid-delivery").hasSizeLessThan(ROWS);

            Process second = hub("second", sftp, config);
            try {
                await("XJ_7.csv moved to .done after the restart").atMost(Duration.ofMinutes(5))
                        .until(() -> !second.isAlive() || Files.exists(sftp.drop.resolve(".done/XJ_7.csv")));
                assertThat(second.isAlive()).as("the restarted hub is running (see %s)", log("second")).isTrue();
                assertCompleteWithDuplicatesFromOneBatchOnly(StudentsSftp.lake(lake), expected);
            } finally {
                second.destroyForcibly().waitFor();
            }
        }
    }

    /** Every ID present; IDs seen more than once are at most one batch and always carry the same hash. */
    private static void assertCompleteWithDuplicatesFromOneBatchOnly(List<Map<String, Object>> rows,
            Set<String> expected) {
        Map<String, Set<Object>> hashes = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> row : rows) {
            String id = row.get("id_number").toString();
            hashes.computeIfAbsent(id, k -> new HashSet<>()).add(row.get("_record_hash"));
            counts.merge(id, 1, Integer::sum);
        }
        assertThat(hashes.keySet()).as("the lake holds every record of the file")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(counts.values().stream().filter(c -> c > 1).count()).as("duplicated IDs")
                .isLessThanOrEqualTo(BATCH);
        assertThat(hashes.values()).as("duplicates carry the same record hash").allMatch(h -> h.size() == 1);
    }

    private static long parquetFiles(Path lake) throws IOException {
        if (!Files.isDirectory(lake)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(lake)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet")
                    && !f.getFileName().toString().startsWith(".")).count();
        }
    }

    /** Starts the hub in a JVM of its own, on the test classpath, in the project folder. */
    private Process hub(String name, StudentsSftp sftp, Path config) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ExchangeHubApplication.class.getName(),
                "--spring.main.web-application-type=none",
                "--hub.demo.enabled=false",
                "--camel.main.jmx-enabled=false",
                "--hub.config-dir=" + config,
                "--anyuri.batch-size=" + BATCH,
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("state/hub") + ";WRITE_DELAY=0",
                "--hub.lake.root=" + dir.resolve("lake")));
        command.addAll(sftp.arguments());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
    }

    private Path log(String name) {
        return dir.resolve(name + ".log");
    }
}
