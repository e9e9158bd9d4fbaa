package org.exchangehub.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.Violation;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * The behaviours of {@link JdbcStateStore}, run by one subclass per database (H2, PostgreSQL) so that the
 * portable schema and SQL are proven on both.
 */
abstract class JdbcStateStoreContract {

    static final String FEED = "market-regulation.enterprises";
    static final String OTHER_FEED = "public-security.residents";
    static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");
    static final LocalDateTime T0 = LocalDateTime.parse("2026-11-02T23:15:30.123456");

    JdbcStateStore store;

    /** The database under test, migrated; the same one for every test of the class. */
    abstract DataSource dataSource();

    /** The same database after the hub restarted: a fresh data source, the database reopened where possible. */
    abstract DataSource restarted();

    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/state").load().migrate();
    }

    @BeforeEach
    void emptyStore() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        for (String table : List.of("hub_watermark", "hub_seen_row", "hub_run", "hub_quarantine",
                "hub_processed_file", "hub_delivered_record", "hub_feed_leader")) {
            jdbc.update("DELETE FROM " + table);
        }
        store = storeOver(dataSource());
    }

    static final String INSTANCE = "hub-a-4242";

    static JdbcStateStore storeOver(DataSource dataSource) {
        return new JdbcStateStore(dataSource, new JdbcTransactionManager(dataSource),
                Clock.fixed(NOW, ZoneOffset.UTC), INSTANCE, false);
    }

    /** A cluster-mode store of one instance: it commits a feed only while it holds it. */
    JdbcStateStore instance(String instanceId) {
        return new JdbcStateStore(dataSource(), new JdbcTransactionManager(dataSource()),
                Clock.fixed(NOW, ZoneOffset.UTC), instanceId, true);
    }

    static Rejection invalidUscc(String key) {
        return new Rejection(key,
                "{\"TYSHXYDM\":\"91350100M000100Y4A\",\"QYMC\":\"福州市鼓楼区某某贸易有限公司\",\"DJZT\":\"存续\"}",
                List.of(new Violation("uscc", ReasonCode.INVALID_USCC, "check character is wrong")));
    }

    static Rejection missingNameAndBadStatus(String key) {
        return new Rejection(key,
                "{\"TYSHXYDM\":\"91350100M000100Y43\",\"QYMC\":\"  \",\"DJZT\":\"歇业\"}",
                List.of(new Violation("name", ReasonCode.MISSING_REQUIRED, "blank after trimming"),
                        new Violation("status_code", ReasonCode.UNKNOWN_CODE, "not in the status code table"),
                        new Violation("established_date", ReasonCode.INVALID_DATE, "not a calendar date")));
    }

    static RunRecord finished(String runId, Instant startedAt) {
        return new RunRecord(runId, FEED, startedAt, startedAt.plusSeconds(42), 1000, 990, 10, 3,
                null, T0 + "/E-1000", RunStatus.SUCCEEDED, null, "{\"lake\":{\"files\":1,\"rows\":990}}", 0, null,
                INSTANCE);
    }

    void commit(String runId, Watermark watermark, List<Rejection> rejections, List<SeenRow> seen) {
        store.commitBatch(FEED, runId, "legal_entity", "market-regulation", watermark, rejections, seen, null);
    }

    @Test
    void theHolderOfAFeedCommitsItsBatches() {
        JdbcStateStore a = instance("hub-a");
        a.takeFeed(FEED);

        a.commitBatch(FEED, "run-1", "legal_entity", "market-regulation", new Watermark(T0, "E-1"), List.of(),
                List.of(new SeenRow("E-1", T0)), null);

        assertThat(a.holdsFeed(FEED)).isTrue();
        assertThat(a.watermark(FEED)).contains(new Watermark(T0, "E-1"));
    }

    @Test
    void everyTakeOverCountsTheFeedsEpochUpAndNamesTheInstance() {
        JdbcStateStore a = instance("hub-a");
        JdbcStateStore b = instance("hub-b");

        assertThat(a.takeFeed(FEED)).isEqualTo(1);
        assertThat(b.takeFeed(FEED)).isEqualTo(2);
        assertThat(a.takeFeed(FEED)).isEqualTo(3);
        assertThat(b.takeFeed(OTHER_FEED)).isEqualTo(1);

        assertThat(store.feedLeader(FEED)).get().extracting(FeedLeader::instanceId, FeedLeader::epoch)
                .containsExactly("hub-a", 3L);
        assertThat(store.feedLeader(OTHER_FEED)).get().extracting(FeedLeader::instanceId).isEqualTo("hub-b");
    }

    @Test
    void aCommitAfterAnotherInstanceTookTheFeedIsRefusedAndKeepsNothing() {
        JdbcStateStore a = instance("hub-a");
        JdbcStateStore b = instance("hub-b");
        a.takeFeed(FEED);
        a.commitBatch(FEED, "run-a", "legal_entity", "market-regulation", new Watermark(T0, "E-1"), List.of(),
                List.of(), null);
        b.takeFeed(FEED); // a was paused past its lease
        b.commitBatch(FEED, "run-b", "legal_entity", "market-regulation", new Watermark(T0.plusHours(1), "E-9"),
                List.of(), List.of(), null);

        assertThatThrownBy(() -> a.commitBatch(FEED, "run-a", "legal_entity", "market-regulation",
                new Watermark(T0.plusMinutes(30), "E-5"), List.of(invalidUscc("E-4")),
                List.of(new SeenRow("E-5", T0.plusMinutes(30))), null))
                .isInstanceOf(FeedFencedException.class)
                .hasMessageContaining("instance hub-a no longer holds the feed (its epoch 1")
                .hasMessageContaining("instance hub-b took it over at epoch 2");

        assertThat(store.watermark(FEED)).as("not moved back").contains(new Watermark(T0.plusHours(1), "E-9"));
        assertThat(store.seenSince(FEED, T0)).isEmpty();
        assertThat(store.rejections("run-a")).isEmpty();
        assertThat(a.holdsFeed(FEED)).as("the refused instance stops holding the feed").isFalse();
        assertThat(b.holdsFeed(FEED)).isTrue();
    }

    @Test
    void anInstanceThatNeverTookTheFeedCannotCommitIt() {
        JdbcStateStore a = instance("hub-a");

        assertThat(a.holdsFeed(FEED)).isFalse();
        assertThatThrownBy(() -> a.commitBatch(FEED, "run-a", "legal_entity", "market-regulation",
                new Watermark(T0, "E-1"), List.of(), List.of(), null))
                .isInstanceOf(FeedFencedException.class).hasMessageContaining("has not taken the feed");
        assertThat(store.watermark(FEED)).isEmpty();
    }

    @Test
    void anInstanceThatLetTheFeedGoCannotCommitIt() {
        JdbcStateStore a = instance("hub-a");
        a.takeFeed(FEED);
        a.releaseFeed(FEED);

        assertThatThrownBy(() -> a.commitBatch(FEED, "run-a", "legal_entity", "market-regulation",
                new Watermark(T0, "E-1"), List.of(), List.of(), null)).isInstanceOf(FeedFencedException.class);
        assertThat(store.watermark(FEED)).isEmpty();
    }

    @Test
    void aCommitAfterTheFeedWasLetGoAndTakenByAnotherNamesTheNewLeader() {
        JdbcStateStore a = instance("hub-a");
        JdbcStateStore b = instance("hub-b");
        a.takeFeed(FEED);
        b.takeFeed(FEED);
        a.releaseFeed(FEED);

        assertThatThrownBy(() -> a.commitBatch(FEED, "run-a", "legal_entity", "market-regulation",
                new Watermark(T0, "E-1"), List.of(), List.of(), null))
                .isInstanceOf(FeedFencedException.class)
                .hasMessageContaining("instance hub-a no longer holds the feed (its epoch 1")
                .hasMessageContaining("instance hub-b took it over at epoch 2");
    }

    @Test
    void theHolderOfAFeedHasNotLostIt() {
        JdbcStateStore a = instance("hub-a");
        a.takeFeed(FEED);

        assertThat(a.lostFeed(FEED)).isEmpty();
    }

    @Test
    void anInstanceWhoseFeedWasTakenOverLearnsItLostItAndToWhom() {
        JdbcStateStore a = instance("hub-a");
        JdbcStateStore b = instance("hub-b");
        a.takeFeed(FEED);
        b.takeFeed(FEED); // a was paused past its lease and does not know yet

        assertThat(a.lostFeed(FEED)).get().extracting(Throwable::getMessage).asString()
                .contains("commit refused", "instance hub-a no longer holds the feed (its epoch 1",
                        "instance hub-b took it over at epoch 2");
        assertThat(a.holdsFeed(FEED)).as("and stops holding it").isFalse();
        assertThat(b.lostFeed(FEED)).isEmpty();
    }

    @Test
    void outsideClusterModeNoFeedIsLost() {
        assertThat(store.lostFeed(FEED)).isEmpty();
    }

    @Test
    void everyRunIsLoggedWithTheInstanceThatRanIt() {
        instance("hub-b").runStarted("run-1", FEED, NOW, null);

        assertThat(store.run("run-1").orElseThrow().instanceId()).isEqualTo("hub-b");
    }

    @Test
    void startedRunIsLoggedAsRunning() {
        store.runStarted("run-1", FEED, NOW, "2026-11-01T00:00/E-7");

        RunRecord run = store.run("run-1").orElseThrow();

        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.feedId()).isEqualTo(FEED);
        assertThat(run.startedAt()).isEqualTo(NOW);
        assertThat(run.endedAt()).isNull();
        assertThat(run.watermarkBefore()).isEqualTo("2026-11-01T00:00/E-7");
        assertThat(run.rowsRead()).isZero();
    }

    @Test
    void finishedRunAppearsInRunsWithItsCounts() {
        store.runStarted("run-1", FEED, NOW, null);
        store.runFinished(finished("run-1", NOW));

        assertThat(store.runs(FEED, 10)).containsExactly(finished("run-1", NOW));
    }

    @Test
    void failedRunKeepsItsError() {
        store.runStarted("run-1", FEED, NOW, null);
        store.runFinished(new RunRecord("run-1", FEED, NOW, NOW.plusSeconds(1), 5, 0, 0, 0, null, null,
                RunStatus.FAILED, "lake sink: disk full", null));

        RunRecord run = store.run("run-1").orElseThrow();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).isEqualTo("lake sink: disk full");
    }

    @Test
    void finishedRunWhoseStartWasNotLoggedIsStillLogged() {
        store.runFinished(finished("run-1", NOW));

        assertThat(store.run("run-1")).contains(finished("run-1", NOW));
    }

    @Test
    void runsListsNewestFirstUpToTheLimit() {
        store.runStarted("run-1", FEED, NOW, null);
        store.runStarted("run-2", FEED, NOW.plusSeconds(60), null);
        store.runStarted("run-3", FEED, NOW.plusSeconds(120), null);

        assertThat(store.runs(FEED, 2)).extracting(RunRecord::runId).containsExactly("run-3", "run-2");
    }

    @Test
    void runsOfOneFeedLeaveOutOtherFeedsAndNullFeedListsAll() {
        store.runStarted("run-1", FEED, NOW, null);
        store.runStarted("run-2", OTHER_FEED, NOW.plusSeconds(60), null);

        assertThat(store.runs(FEED, 10)).extracting(RunRecord::runId).containsExactly("run-1");
        assertThat(store.runs(null, 10)).extracting(RunRecord::runId).containsExactly("run-2", "run-1");
    }

    @Test
    void runsWithALimitBelowOneIsRefused() {
        assertThatThrownBy(() -> store.runs(FEED, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("limit must be at least 1, was 0");
    }

    @Test
    void feedWithoutCommitHasNoWatermark() {
        assertThat(store.watermark(FEED)).isEmpty();
    }

    @Test
    void committedBatchAdvancesTheWatermark() {
        commit("run-1", new Watermark(T0, "E-1000"), List.of(), List.of());
        commit("run-1", new Watermark(T0.plusMinutes(5), "E-1500"), List.of(), List.of());

        assertThat(store.watermark(FEED)).contains(new Watermark(T0.plusMinutes(5), "E-1500"));
        assertThat(store.watermark(OTHER_FEED)).isEmpty();
    }

    @Test
    void batchWithoutWatermarkLeavesTheWatermarkAsItWas() {
        commit("run-1", new Watermark(T0, "E-1000"), List.of(), List.of());
        commit("run-1", null, List.of(invalidUscc("E-1001")), List.of());

        assertThat(store.watermark(FEED)).contains(new Watermark(T0, "E-1000"));
    }

    @Test
    void committedBatchQuarantinesItsRejectionsInOrderWithReasonsAndRawForm() {
        commit("run-1", new Watermark(T0, "E-1003"), List.of(missingNameAndBadStatus("E-1002")), List.of());
        commit("run-1", new Watermark(T0, "E-1004"), List.of(invalidUscc("E-1003"), invalidUscc("E-1004")),
                List.of());

        List<QuarantineRecord> quarantined = store.rejections("run-1");

        assertThat(quarantined).extracting(QuarantineRecord::sourceKey).containsExactly("E-1002", "E-1003", "E-1004");
        QuarantineRecord first = quarantined.get(0);
        assertThat(first.rawForm()).isEqualTo(missingNameAndBadStatus("E-1002").rawForm());
        assertThat(first.violations()).isEqualTo(missingNameAndBadStatus("E-1002").violations());
        assertThat(first).extracting(QuarantineRecord::runId, QuarantineRecord::feedId, QuarantineRecord::dataset,
                QuarantineRecord::source, QuarantineRecord::rejectedAt)
                .containsExactly("run-1", FEED, "legal_entity", "market-regulation", NOW);
        assertThat(store.rejections("run-2")).isEmpty();
    }

    @Test
    void rejectionsOfARunAreCountedByReason() {
        commit("run-1", null, List.of(missingNameAndBadStatus("E-1"), invalidUscc("E-2"), invalidUscc("E-3")),
                List.of());

        assertThat(store.rejectionCountsByReason("run-1")).isEqualTo(Map.of(
                ReasonCode.INVALID_USCC, 2L,
                ReasonCode.MISSING_REQUIRED, 1L,
                ReasonCode.UNKNOWN_CODE, 1L,
                ReasonCode.INVALID_DATE, 1L));
    }

    @Test
    void seenSinceReturnsTheRowsAtOrAfterTheTime() {
        commit("run-1", null, List.of(), List.of(
                new SeenRow("E-1", T0.minusSeconds(1)),
                new SeenRow("E-2", T0),
                new SeenRow("E-3", T0.plusSeconds(1))));

        assertThat(store.seenSince(FEED, T0)).containsExactlyInAnyOrder(
                "E-2\u0000" + T0, "E-3\u0000" + T0.plusSeconds(1));
        assertThat(store.seenSince(OTHER_FEED, T0)).isEmpty();
    }

    @Test
    void seenRowCommittedTwiceIsRememberedOnce() {
        commit("run-1", null, List.of(), List.of(new SeenRow("E-1", T0), new SeenRow("E-1", T0)));
        commit("run-2", null, List.of(), List.of(new SeenRow("E-1", T0)));

        assertThat(store.seenSince(FEED, T0)).containsExactly("E-1\u0000" + T0);
    }

    @Test
    void pruningForgetsSeenRowsOlderThanForgetBefore() {
        commit("run-1", null, List.of(), List.of(new SeenRow("E-1", T0.minusMinutes(10)), new SeenRow("E-2", T0)));

        store.commitBatch(FEED, "run-1", "legal_entity", "market-regulation", null, List.of(),
                List.of(new SeenRow("E-3", T0.plusMinutes(1))), T0);

        assertThat(store.seenSince(FEED, T0.minusHours(1))).containsExactlyInAnyOrder(
                "E-2\u0000" + T0, "E-3\u0000" + T0.plusMinutes(1));
    }

    @Test
    void changeTimeFinerThanMicrosecondsIsCutNotRounded() {
        LocalDateTime nanos = LocalDateTime.parse("2026-11-02T23:59:59.999999999");

        commit("run-1", new Watermark(nanos, "E-9"), List.of(), List.of(new SeenRow("E-9", nanos)));

        LocalDateTime micros = LocalDateTime.parse("2026-11-02T23:59:59.999999");
        assertThat(store.watermark(FEED)).contains(new Watermark(micros, "E-9"));
        assertThat(store.seenSince(FEED, micros)).containsExactly("E-9\u0000" + micros);
    }

    @Test
    void failedCommitKeepsTheWatermarkAndNothingOfTheBatch() {
        commit("run-1", new Watermark(T0, "E-1000"), List.of(), List.of(new SeenRow("E-1000", T0)));
        Rejection withoutRawForm = new Rejection("E-1003", null,
                List.of(new Violation("uscc", ReasonCode.INVALID_USCC, "check character is wrong")));

        assertThatThrownBy(() -> commit("run-2", new Watermark(T0.plusMinutes(5), "E-1003"),
                List.of(invalidUscc("E-1001"), invalidUscc("E-1002"), withoutRawForm),
                List.of(new SeenRow("E-1001", T0.plusMinutes(5)))))
                .isInstanceOf(DataAccessException.class);

        assertThat(store.watermark(FEED)).contains(new Watermark(T0, "E-1000"));
        assertThat(store.rejections("run-2")).isEmpty();
        assertThat(store.seenSince(FEED, T0)).containsExactly("E-1000\u0000" + T0);
    }

    @Test
    void seenRowFailingAfterTheRejectionsRollsBackTheRejections() {
        assertThatThrownBy(() -> commit("run-1", new Watermark(T0, "E-1002"),
                List.of(invalidUscc("E-1001")), List.of(new SeenRow("E-1002", T0), new SeenRow(null, T0))))
                .isInstanceOf(DataAccessException.class);

        assertThat(store.watermark(FEED)).isEmpty();
        assertThat(store.rejections("run-1")).isEmpty();
        assertThat(store.seenSince(FEED, T0)).isEmpty();
    }

    @Test
    void resetWatermarkRewindsTheFeed() {
        commit("run-1", new Watermark(T0, "E-1000"), List.of(), List.of());

        store.resetWatermark(FEED, new Watermark(T0.minusDays(7), "E-0"));

        assertThat(store.watermark(FEED)).contains(new Watermark(T0.minusDays(7), "E-0"));
    }

    @Test
    void resetWatermarkForgetsTheSeenRows() {
        commit("run-1", new Watermark(T0, "E-1000"), List.of(), List.of(new SeenRow("E-1000", T0)));
        store.commitBatch(OTHER_FEED, "run-2", "person", "public-security", null, List.of(),
                List.of(new SeenRow("P-1", T0)), null);

        store.resetWatermark(FEED, new Watermark(T0.minusDays(7), "E-0"));

        assertThat(store.seenSince(FEED, T0.minusYears(1))).isEmpty();
        assertThat(store.seenSince(OTHER_FEED, T0.minusYears(1))).containsExactly("P-1\u0000" + T0);
    }

    @Test
    void resetWatermarkToNullStartsTheFeedFromTheBeginning() {
        commit("run-1", new Watermark(T0, "E-1000"), List.of(), List.of());

        store.resetWatermark(FEED, null);

        assertThat(store.watermark(FEED)).isEmpty();
    }

    @Test
    void watermarkSurvivesARestart() {
        commit("run-1", new Watermark(T0, "E-1000"), List.of(), List.of(new SeenRow("E-1000", T0)));

        JdbcStateStore afterRestart = storeOver(restarted());

        assertThat(afterRestart.watermark(FEED)).contains(new Watermark(T0, "E-1000"));
        assertThat(afterRestart.seenSince(FEED, T0)).containsExactly("E-1000\u0000" + T0);
    }

    @Test
    void processedFileIsKnownByNameSizeAndHash() {
        String sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        store.markFileProcessed(FEED, "run-1", "qyxx_20261102.csv", 52_431L, sha256);
        store.markFileProcessed(FEED, "run-2", "qyxx_20261102.csv", 52_431L, sha256);

        assertThat(store.isFileProcessed(FEED, "qyxx_20261102.csv", 52_431L, sha256)).isTrue();
        assertThat(store.isFileProcessed(FEED, "qyxx_20261102.csv", 52_431L, sha256.replace('9', '8'))).isFalse();
        assertThat(store.isFileProcessed(OTHER_FEED, "qyxx_20261102.csv", 52_431L, sha256)).isFalse();
    }

    private void commitDelivered(String runId, String keyDigest, String recordHash) {
        store.commitBatch(FEED, runId, "legal_entity", "market-regulation", null, List.of(), List.of(), null, null,
                new DeliveryMemory(List.of(new DeliveryMemory.Delivered(keyDigest, recordHash)), List.of()));
    }

    @Test
    void aDeliveredVersionIsFoundByLaterRunsOnly() {
        String key = Digests.key("91350100M000100Y43");
        commitDelivered("run-1", key, "hash-1");

        assertThat(store.deliveredHashes(FEED, "run-2", List.of(key, Digests.key("other")))).containsExactly(
                java.util.Map.entry(key, "hash-1"));
        assertThat(store.deliveredHashes(FEED, "run-1", List.of(key))).isEmpty();
        assertThat(store.deliveredHashes(OTHER_FEED, "run-2", List.of(key))).isEmpty();
    }

    @Test
    void aKeyDeliveredAgainIsRememberedWithItsNewHash() {
        String key = Digests.key("91350100M000100Y43");
        commitDelivered("run-1", key, "hash-1");
        commitDelivered("run-2", key, "hash-2");

        assertThat(store.deliveredHashes(FEED, "run-3", List.of(key))).containsEntry(key, "hash-2");
    }

    @Test
    void aQuarantinedRejectIsKnownByItsDigestAndReadAgainOnlyMovesItsLastSeenTime() {
        Rejection reject = invalidUscc("E-1");
        commit("run-1", null, List.of(reject), List.of());
        JdbcStateStore later = new JdbcStateStore(dataSource(), new JdbcTransactionManager(dataSource()),
                Clock.fixed(NOW.plusSeconds(3600), ZoneOffset.UTC));

        assertThat(later.quarantinedRejects(FEED, List.of(Digests.reject(reject), Digests.reject(invalidUscc("E-2")))))
                .containsExactly(Digests.reject(reject));
        later.commitBatch(FEED, "run-2", "legal_entity", "market-regulation", null, List.of(), List.of(), null, null,
                new DeliveryMemory(List.of(), List.of(Digests.reject(reject))));

        JdbcTemplate jdbc = new JdbcTemplate(dataSource());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM hub_quarantine", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_seen_at FROM hub_quarantine", java.time.OffsetDateTime.class)
                .toInstant()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void theUnchangedCountIsKeptInTheExchangeLog() {
        store.runStarted("run-1", FEED, NOW, null);
        store.runFinished(new RunRecord("run-1", FEED, NOW, NOW.plusSeconds(1), 10, 3, 1, 0, null, null,
                RunStatus.SUCCEEDED, null, null, 6));

        assertThat(store.run("run-1").orElseThrow().rowsUnchanged()).isEqualTo(6);
    }

    @Test
    void aKeyRangeIsClaimedByOneInstanceOnlyAndItsProgressCommitsWithItsBatch() {
        String feed = splitFeed();
        store.planSplit(feed, "run-1", List.of(new long[] {1, 10}, new long[] {11, 20}));

        KeyRange a = store.claimRange(feed, "hub-a").orElseThrow();
        KeyRange b = store.claimRange(feed, "hub-b").orElseThrow();
        store.commitBatch(feed, "run-1", "legal_entity", "market-regulation", null, List.of(), List.of(), null, null,
                null, List.of(), new RangeProgress(a.number(), "hub-a", 10, 10, T0, "10", true));

        assertThat(List.of(a.number(), b.number())).containsExactly(0, 1);
        assertThat(store.claimRange(feed, "hub-a")).as("no range is open any more").isEmpty();
        KeyRange done = store.splitRanges(feed).get(0);
        assertThat(done.status()).isEqualTo(KeyRange.DONE);
        assertThat(done.progress()).isEqualTo(10L);
        assertThat(done.rowsRead()).isEqualTo(10);
        assertThat(done.maxChange()).isEqualTo(T0);
    }

    @Test
    void progressOfARangeThatAnotherInstanceHoldsIsRefusedWithItsWholeBatch() {
        String feed = splitFeed();
        store.planSplit(feed, "run-1", List.<long[]>of(new long[] {1, 10}));
        store.claimRange(feed, "hub-a").orElseThrow();

        assertThatThrownBy(() -> store.commitBatch(feed, "run-2", "legal_entity", "market-regulation", null,
                List.of(invalidUscc("7")), List.of(), null, null, null, List.of(),
                new RangeProgress(0, "hub-b", 10, 10, T0, "10", true)))
                .hasMessageContaining("key range 0 is no longer claimed by instance hub-b");
        assertThat(store.rejections("run-2")).as("the batch's rejections are rolled back with it").isEmpty();
        assertThat(store.splitRanges(feed).get(0).progress()).isNull();
    }

    @Test
    void aSplitLoadFinishesOnlyWhenEveryRangeIsDoneWithTheLatestChangeTimeAsWatermark() {
        String feed = splitFeed();
        store.planSplit(feed, "run-1", List.of(new long[] {1, 10}, new long[] {11, 20}));
        store.claimRange(feed, "hub-a");
        store.claimRange(feed, "hub-a");
        store.commitRange(feed, new RangeProgress(1, "hub-a", 20, 10, T0.plusSeconds(9), "17", true));
        boolean early = store.finishSplit(feed, java.time.Duration.ofMinutes(5));
        store.commitRange(feed, new RangeProgress(0, "hub-a", 10, 10, T0.plusSeconds(5), "3", true));

        boolean finished = store.finishSplit(feed, java.time.Duration.ofMinutes(5));

        assertThat(early).isFalse();
        assertThat(finished).isTrue();
        assertThat(store.watermark(feed)).contains(new Watermark(T0.plusSeconds(9), "17"));
        assertThat(store.splitRanges(feed)).isEmpty();
    }

    @Test
    void reopeningGivesBackTheInstancesOwnClaimsAndStaleOnesOnly() {
        String feed = splitFeed();
        store.planSplit(feed, "run-1", List.of(new long[] {1, 10}, new long[] {11, 20}));
        store.claimRange(feed, "hub-a");
        store.claimRange(feed, "hub-b");

        store.reopenRanges(feed, "hub-a", NOW.minusSeconds(600));
        List<String> afterOwn = store.splitRanges(feed).stream().map(KeyRange::status).toList();
        store.reopenRanges(feed, "hub-c", NOW.plusSeconds(1));

        assertThat(afterOwn).containsExactly(KeyRange.OPEN, KeyRange.CLAIMED);
        assertThat(store.splitRanges(feed)).extracting(KeyRange::status).containsOnly(KeyRange.OPEN);
    }

    @Test
    void aSecondPlanOfALoadInProgressKeepsTheFirst() {
        String feed = splitFeed();
        store.planSplit(feed, "run-1", List.of(new long[] {1, 10}, new long[] {11, 20}));

        List<KeyRange> plan = store.planSplit(feed, "run-2", List.<long[]>of(new long[] {1, 100}));

        assertThat(plan).extracting(KeyRange::hi).containsExactly(10L, 20L);
    }

    private static String splitFeed() {
        return "split." + java.util.UUID.randomUUID();
    }
}
