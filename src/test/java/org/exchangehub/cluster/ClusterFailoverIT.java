package org.exchangehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exchangehub.delivery.RedeliveryChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two hub instances (child JVMs) in cluster mode on one PostgreSQL state store and one department database, with
 * the JDBC lock registry electing each feed's leader (lease {@link ClusterRig#LEASE}): each feed runs on one instance
 * at a time; a killed leader's feed moves within the lease and resumes from its committed watermark; a leader paused
 * past its lease cannot commit when it wakes, says so, and stops running the feed.
 */
class ClusterFailoverIT {

    private static final String FEED = "market-regulation.enterprises";
    private static final String LAKE_FEED = "market-regulation.enterprises-lake";
    private static final int ROWS = 6000;
    private static final int BATCH = 200;

    /** Under target/, not a temporary folder: the instances' logs stay there to read when a test fails. */
    private static final Path dir = Path.of("target", "cluster-it", Long.toString(System.currentTimeMillis()))
            .toAbsolutePath();

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void everyFeedRunsOnExactlyOneInstanceAndItsRunsNeverOverlap() throws Exception {
        try (ClusterRig rig = pair("spread", "two", 1000)) {

            for (String feed : List.of(FEED, LAKE_FEED)) {
                rig.await(feed + " ran three times").pollInterval(Duration.ofMillis(500))
                        .until(() -> rig.runs(feed).stream().filter(r -> r.status().equals("SUCCEEDED")).count() >= 3);
            }
            assertThat(rig.process("hub-a").isAlive()).as("hub-a alive (see %s)", rig.log("hub-a")).isTrue();
            assertThat(rig.process("hub-b").isAlive()).as("hub-b alive (see %s)", rig.log("hub-b")).isTrue();
            for (String feed : List.of(FEED, LAKE_FEED)) {
                List<ClusterRig.Run> runs = rig.runs(feed);
                String leader = rig.leader(feed).orElseThrow().instanceId();
                assertThat(runs).as("%s: every run on its leader %s", feed, leader)
                        .allMatch(r -> leader.equals(r.instanceId()));
                assertThat(rig.leader(feed).orElseThrow().epoch()).as("%s never moved", feed).isEqualTo(1);
                assertNoOverlap(feed, runs);
            }
        }
    }

    @Test
    void withCamelsFileLockServiceTheFeedRunsOnOneInstanceAndMovesWhenItsLeaderIsKilled() throws Exception {
        try (ClusterRig rig = new ClusterRig(postgres, dir, "file", "one", 1000, BATCH)) {
            String[] fileService = {"--hub.cluster.service=file", "--hub.cluster.file-root=" + rig.folder("locks")};
            rig.start("hub-a", fileService);
            rig.start("hub-b", fileService);
            String leader = awaitLeader(rig);
            rig.await("the feed ran twice").pollInterval(Duration.ofMillis(500))
                    .until(() -> rig.runs(FEED).stream().filter(r -> r.status().equals("SUCCEEDED")).count() >= 2);
            assertThat(rig.runs(FEED)).as("every run on %s", leader).allMatch(r -> leader.equals(r.instanceId()));

            rig.kill(leader);
            String other = rig.other(leader);
            rig.await("the feed moves to " + other).pollInterval(Duration.ofMillis(200))
                    .until(() -> rig.leader(FEED).map(l -> l.instanceId().equals(other)).orElse(false));
            rig.await(other + " runs it").pollInterval(Duration.ofMillis(500))
                    .until(() -> rig.runs(FEED).stream().anyMatch(r -> other.equals(r.instanceId())
                            && r.status().equals("SUCCEEDED")));
            assertNoOverlap(FEED, rig.runs(FEED).stream().filter(r -> !leader.equals(r.instanceId())).toList());
        }
    }

    @Test
    void aKilledLeadersFeedMovesWithinTheLeaseAndResumesFromItsWatermark() throws Exception {
        try (ClusterRig rig = pair("kill", "one", ROWS)) {
            String leader = awaitLeader(rig);
            String other = rig.other(leader);
            rig.await("some batches in the warehouse").pollInterval(Duration.ofMillis(50))
                    .until(() -> rig.warehouseRows() >= 2 * BATCH);

            rig.kill(leader);
            Instant killed = Instant.now();
            String watermarkAtKill = rig.watermark(FEED);
            assertThat(rig.warehouseRows()).as("killed mid-run").isLessThan(rig.expectedKeys().size());

            rig.await("the feed moves to " + other).pollInterval(Duration.ofMillis(100))
                    .until(() -> rig.leader(FEED).map(l -> l.instanceId().equals(other)).orElse(false));
            Duration moved = Duration.between(killed, rig.leader(FEED).orElseThrow().takenAt());
            System.out.println("cluster failover: feed " + FEED + " moved from " + leader + " to " + other + " "
                    + moved.toMillis() + " ms after SIGKILL (lease " + ClusterRig.LEASE + ")");
            assertThat(moved).as("taken over within the lease (and a heart-beat)")
                    .isLessThanOrEqualTo(ClusterRig.LEASE.plusSeconds(3));

            rig.await("the rest delivered by " + other).pollInterval(Duration.ofMillis(500))
                    .until(() -> rig.runs(FEED).stream().anyMatch(r -> other.equals(r.instanceId())
                            && r.status().equals("SUCCEEDED") && r.delivered() > 0));
            ClusterRig.Run resumed = rig.runs(FEED).stream().filter(r -> other.equals(r.instanceId())).findFirst()
                    .orElseThrow();
            assertThat(resumed.watermarkBefore()).as("resumed from the last committed watermark")
                    .isEqualTo(watermarkAtKill);
            assertThat(rig.warehouseKeys()).as("warehouse: exactly one row per valid key")
                    .containsExactlyInAnyOrderElementsOf(rig.expectedKeys());
            RedeliveryChecks.assertCompleteWithDuplicatesFromOneBatchOnly("lake", rig.lake(), rig.expectedKeys(), BATCH);
        }
    }

    @Test
    void aLeaderPausedPastItsLeaseHasItsCommitRefusedAndStopsTheFeed() throws Exception {
        try (ClusterRig rig = pair("pause", "one", ROWS)) {
            String leader = awaitLeader(rig);
            String other = rig.other(leader);
            List<Timestamp> watermarks = new CopyOnWriteArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleWithFixedDelay(() -> {
                Timestamp t = rig.watermarkTime(FEED);
                if (t != null) {
                    watermarks.add(t);
                }
            }, 0, 50, TimeUnit.MILLISECONDS);
            try {
                rig.await("a batch in the warehouse").pollInterval(Duration.ofMillis(50))
                        .until(() -> rig.warehouseRows() >= BATCH);

                rig.pauseInsideAWarehouseTransaction(leader);
                rig.await("the feed moves to " + other).pollInterval(Duration.ofMillis(100))
                        .until(() -> rig.leader(FEED).map(l -> l.instanceId().equals(other)).orElse(false));
                rig.await("the rest delivered by " + other).pollInterval(Duration.ofMillis(500))
                        .until(() -> rig.warehouseRows() == rig.expectedKeys().size());
                String watermarkBeforeWaking = rig.watermark(FEED);
                rig.signal(leader, "CONT");

                rig.await("the old leader's run ends").pollInterval(Duration.ofMillis(200))
                        .until(() -> rig.runs(FEED).stream().filter(r -> leader.equals(r.instanceId()))
                                .noneMatch(r -> r.status().equals("RUNNING")));
                ClusterRig.Run refused = rig.runs(FEED).stream().filter(r -> leader.equals(r.instanceId()))
                        .reduce((a, b) -> b).orElseThrow();
                assertThat(refused.status()).isEqualTo("FAILED");
                assertThat(refused.error()).as("the old leader's run").contains("commit refused",
                        "instance " + leader + " no longer holds the feed", "instance " + other + " took it over");
                assertThat(rig.logText(leader)).as("said clearly in %s", rig.log(leader))
                        .contains("FENCED feed " + FEED + ": commit refused")
                        .contains("this instance stops running the feed");
                Instant woke = Instant.now();
                long othersRuns = rig.runs(FEED).stream().filter(r -> other.equals(r.instanceId())).count();
                rig.await("the feed runs on at " + other).pollInterval(Duration.ofMillis(500))
                        .until(() -> rig.runs(FEED).stream().filter(r -> other.equals(r.instanceId())).count()
                                >= othersRuns + 3);
                assertThat(rig.runs(FEED)).as("the old leader runs the feed no more")
                        .noneMatch(r -> leader.equals(r.instanceId()) && r.startedAt().isAfter(woke));
                assertThat(rig.watermark(FEED)).as("the old leader's commit left the watermark where it was")
                        .isEqualTo(watermarkBeforeWaking);
                assertThat(rig.runs(FEED).stream().mapToLong(r -> r.delivered() + r.rejected()).sum())
                        .as("every row committed once: the refused batch was committed by the new leader only")
                        .isEqualTo(ROWS);
            } finally {
                sampler.shutdownNow();
            }
            assertThat(watermarks).as("the watermark never moved backwards").isSortedAccordingTo(Timestamp::compareTo);
            assertThat(rig.warehouseKeys()).containsExactlyInAnyOrderElementsOf(rig.expectedKeys());
        }
    }

    /** Instances hub-a and hub-b started on a register of {@code rows} rows. */
    private static ClusterRig pair(String name, String routes, int rows) throws IOException {
        ClusterRig rig = new ClusterRig(postgres, dir, name, routes, rows, BATCH);
        rig.start("hub-a");
        rig.start("hub-b");
        return rig;
    }

    private static String awaitLeader(ClusterRig rig) {
        rig.await("a leader for " + FEED).pollInterval(Duration.ofMillis(100))
                .until(() -> rig.leader(FEED).isPresent());
        return rig.leader(FEED).orElseThrow().instanceId();
    }

    /** Ordered by start, each run ended before the next started. */
    private static void assertNoOverlap(String feed, List<ClusterRig.Run> runs) {
        for (int i = 0; i + 1 < runs.size(); i++) {
            ClusterRig.Run run = runs.get(i);
            ClusterRig.Run next = runs.get(i + 1);
            assertThat(run.endedAt()).as("%s: run %s ended", feed, run.runId()).isNotNull();
            assertThat(run.endedAt()).as("%s: run %s ended before %s started", feed, run.runId(), next.runId())
                    .isBeforeOrEqualTo(next.startedAt());
        }
    }
}
