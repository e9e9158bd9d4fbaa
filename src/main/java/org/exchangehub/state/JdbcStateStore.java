package org.exchangehub.state;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@link StateStore} over one JDBC database whose schema Flyway created from {@code classpath:db/state}
 * (H2 by default, PostgreSQL in production; the SQL is the same for both). Every write that must not be
 * seen half-done runs in one transaction; thread-safe.
 */
public final class JdbcStateStore implements StateStore {

    private final TransactionTemplate tx;
    private final Clock clock;
    private final Watermarks watermarks;
    private final Quarantine quarantine;
    private final ExchangeLog log;
    private final ProcessedFiles files;
    private final DeliveredRecords delivered;
    private final JdbcTemplate jdbc;
    private final SplitRanges ranges;
    private final FeedLeaders leaders;
    private final String instanceId;
    private final boolean fencing;
    /** Cluster mode: the epoch this instance took each feed it holds with (see {@link #takeFeed}). */
    private final Map<String, Long> epochs = new java.util.concurrent.ConcurrentHashMap<>();
    /** Cluster mode: the epoch this instance last took each feed with, kept after it lost the feed (for messages). */
    private final Map<String, Long> lastTaken = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * Per feed, the source keys of its open rejects, loaded when a run starts: a delivered batch resolves those
     * among its keys without a query per batch (one run of a feed at a time, so the set is the run's own).
     */
    private final Map<String, OpenRejects> openRejects = new java.util.concurrent.ConcurrentHashMap<>();

    /** A store with its own transaction manager over {@code dataSource} and the system UTC clock. */
    public JdbcStateStore(DataSource dataSource) {
        this(dataSource, new JdbcTransactionManager(dataSource), Clock.systemUTC());
    }

    /**
     * @param transactionManager manages transactions of {@code dataSource} (e.g. the application's own)
     * @param clock              gives the times the store records itself (rejected at, updated at)
     */
    public JdbcStateStore(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock) {
        this(dataSource, transactionManager, clock, InstanceId.ofThisProcess(), false);
    }

    /**
     * @param instanceId this instance's id, recorded with every run
     * @param fencing    cluster mode: a batch commits only while this instance holds the feed ({@link #takeFeed})
     */
    public JdbcStateStore(DataSource dataSource, PlatformTransactionManager transactionManager, Clock clock,
            String instanceId, boolean fencing) {
        JdbcTemplate jdbc = new JdbcTemplate(Objects.requireNonNull(dataSource, "dataSource"));
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(Objects.requireNonNull(transactionManager, "transactionManager"));
        this.clock = Objects.requireNonNull(clock, "clock");
        java.util.function.Supplier<StateDatabase> database = StateDatabase.lazily(jdbc);
        this.watermarks = new Watermarks(jdbc, database);
        this.quarantine = new Quarantine(jdbc);
        this.delivered = new DeliveredRecords(jdbc, database);
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.fencing = fencing;
        this.leaders = new FeedLeaders(jdbc);
        this.log = new ExchangeLog(jdbc, instanceId);
        this.files = new ProcessedFiles(jdbc);
        this.ranges = new SplitRanges(jdbc);
    }

    @Override
    public Optional<Watermark> watermark(String feedId) {
        return watermarks.watermark(feedId);
    }

    @Override
    public Set<String> seenSince(String feedId, LocalDateTime from) {
        return watermarks.seenSince(feedId, from);
    }

    @Override
    public void runStarted(String runId, String feedId, Instant startedAt, String watermarkBefore) {
        log.started(runId, feedId, startedAt, watermarkBefore);
        openRejects.put(feedId, loadOpenRejects(feedId));
    }

    @Override
    public OpenRejects openRejects(String feedId) {
        return openRejects.computeIfAbsent(feedId, this::loadOpenRejects);
    }

    private OpenRejects loadOpenRejects(String feedId) {
        OpenRejects open = new OpenRejects();
        quarantine.openKeys(feedId, open::open);
        return open;
    }

    /**
     * {@inheritDoc}
     * <p>The watermark is written first so that, on PostgreSQL, a second instance committing the same feed
     * waits on the feed's row instead of interleaving. Any failure rolls back every part and is rethrown.
     */
    @Override
    public void commitBatch(String feedId, String runId, String dataset, String source, Watermark watermark,
            List<Rejection> rejections, List<SeenRow> seen, LocalDateTime forgetBefore, ProcessedFile file,
            DeliveryMemory memory, java.util.Collection<String> deliveredKeys, RangeProgress range) {
        Instant now = clock.instant();
        OpenRejects open = openRejects(feedId);
        boolean settled = deliveredKeys instanceof OpenRejects.Settled;
        List<String> resolved = settled ? (OpenRejects.Settled) deliveredKeys : open.resolvedBy(deliveredKeys);
        Long epoch = fencing ? epochs.get(feedId) : null;
        if (fencing && epoch == null) {
            throw fenced(feedId);
        }
        tx.executeWithoutResult(status -> {
            if (epoch != null && !leaders.confirm(feedId, instanceId, epoch)) {
                epochs.remove(feedId, epoch);
                throw new FeedFencedException(feedId, instanceId, epoch, leaders.leader(feedId).orElse(null));
            }
            if (watermark != null) {
                watermarks.upsert(feedId, watermark, now);
            }
            quarantine.insert(feedId, runId, dataset, source, rejections, now);
            watermarks.remember(feedId, seen);
            if (forgetBefore != null) {
                watermarks.forgetBefore(feedId, forgetBefore);
            }
            if (file != null) {
                files.mark(feedId, runId, file.name(), file.size(), file.contentHash(), now);
            }
            if (memory != null) {
                delivered.remember(feedId, runId, memory.delivered(), now);
                quarantine.seenAgain(feedId, memory.rejectsSeenAgain(), now);
            }
            quarantine.resolve(feedId, runId, resolved, now);
            if (range != null) {
                ranges.progress(feedId, range, now);
            }
        });
        if (!settled) {
            open.remove(resolved);
            open.add(rejections);
        }
    }

    @Override
    public List<KeyRange> splitRanges(String feedId) {
        return ranges.of(feedId);
    }

    @Override
    public List<KeyRange> planSplit(String feedId, String runId, List<long[]> bounds) {
        try {
            tx.executeWithoutResult(status -> {
                if (ranges.lock(feedId).isEmpty()) {
                    ranges.insert(feedId, runId, bounds, clock.instant());
                }
            });
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // another instance planned the same load first: its plan holds
        }
        return ranges.of(feedId);
    }

    @Override
    public void reopenRanges(String feedId, String instance, Instant staleBefore) {
        tx.executeWithoutResult(status -> ranges.reopen(feedId, instance, staleBefore));
    }

    @Override
    public Optional<KeyRange> claimRange(String feedId, String instance) {
        return tx.execute(status -> ranges.claim(feedId, instance, clock.instant()));
    }

    @Override
    public void commitRange(String feedId, RangeProgress range) {
        tx.executeWithoutResult(status -> ranges.progress(feedId, range, clock.instant()));
    }

    @Override
    public boolean finishSplit(String feedId, java.time.Duration lookBack) {
        Instant now = clock.instant();
        return Boolean.TRUE.equals(tx.execute(status -> {
            List<KeyRange> plan = ranges.lock(feedId);
            if (plan.stream().anyMatch(r -> !KeyRange.DONE.equals(r.status()))) {
                return false;
            }
            KeyRange latest = null;
            for (KeyRange r : plan) {
                if (r.maxChange() != null && (latest == null || r.maxChange().isAfter(latest.maxChange()))) {
                    latest = r;
                }
            }
            if (lookBack != null && latest != null) {
                watermarks.upsert(feedId, new Watermark(latest.maxChange(), latest.maxChangeKey()), now);
                watermarks.forgetBefore(feedId, latest.maxChange().minus(lookBack));
            }
            ranges.delete(feedId);
            return true;
        }));
    }

    @Override
    public void dropSplit(String feedId) {
        tx.executeWithoutResult(status -> ranges.delete(feedId));
    }

    @Override
    public String instanceId() {
        return instanceId;
    }

    /**
     * Cluster mode: this instance takes the feed (it was elected its leader): the feed's epoch counts up, and from
     * now on only this instance's commits of the feed succeed, until another takes it.
     *
     * @return the new epoch
     */
    public long takeFeed(String feedId) {
        long epoch = tx.execute(status -> leaders.take(feedId, instanceId, clock.instant()));
        epochs.put(feedId, epoch);
        lastTaken.put(feedId, epoch);
        return epoch;
    }

    /** This instance stops holding the feed (it lost, or gave up, the leadership): its commits of it are refused. */
    public void releaseFeed(String feedId) {
        epochs.remove(feedId);
    }

    @Override
    public boolean holdsFeed(String feedId) {
        return !fencing || epochs.containsKey(feedId);
    }

    @Override
    public Optional<FeedLeader> feedLeader(String feedId) {
        return leaders.leader(feedId);
    }

    /**
     * {@inheritDoc}
     * <p>Reads the feed's leader row outside any transaction; when the read itself fails the answer is empty (the
     * failure at hand stands on its own).
     */
    @Override
    public Optional<FeedFencedException> lostFeed(String feedId) {
        if (!fencing) {
            return Optional.empty();
        }
        Long epoch = epochs.get(feedId);
        FeedLeader now;
        try {
            now = leaders.leader(feedId).orElse(null);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (epoch != null && now != null && now.instanceId().equals(instanceId) && now.epoch() == epoch) {
            return Optional.empty();
        }
        if (epoch != null) {
            epochs.remove(feedId, epoch);
        }
        return Optional.of(fenced(feedId, now));
    }

    private FeedFencedException fenced(String feedId) {
        return fenced(feedId, leaders.leader(feedId).orElse(null));
    }

    /** The refusal of a commit of a feed this instance does not hold (any more, when it held it before). */
    private FeedFencedException fenced(String feedId, FeedLeader now) {
        Long last = lastTaken.get(feedId);
        return last == null ? new FeedFencedException(feedId, instanceId)
                : new FeedFencedException(feedId, instanceId, last, now);
    }

    @Override
    public Map<String, String> deliveredHashes(String feedId, String runId, java.util.Collection<String> keyDigests) {
        return keyDigests.isEmpty() ? Map.of() : delivered.hashes(feedId, runId, keyDigests);
    }

    @Override
    public Set<String> quarantinedRejects(String feedId, java.util.Collection<String> rejectDigests) {
        return rejectDigests.isEmpty() ? Set.of() : quarantine.known(feedId, rejectDigests);
    }

    @Override
    public void runFinished(RunRecord run) {
        tx.executeWithoutResult(status -> log.finished(run));
    }

    @Override
    public void resetWatermark(String feedId, Watermark watermark) {
        Instant now = clock.instant();
        tx.executeWithoutResult(status -> {
            if (watermark == null) {
                watermarks.delete(feedId);
            } else {
                watermarks.upsert(feedId, watermark, now);
            }
            watermarks.forgetAll(feedId);
        });
    }

    @Override
    public List<RunRecord> runs(String feedId, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return log.newest(feedId, limit);
    }

    @Override
    public Optional<RunRecord> run(String runId) {
        return log.run(runId);
    }

    @Override
    public List<QuarantineRecord> rejections(String runId) {
        return quarantine.byRun(runId);
    }

    @Override
    public List<QuarantineRecord> replayableRejections(String runId) {
        return quarantine.replayable(runId);
    }

    @Override
    public void markReplayed(java.util.Collection<Long> ids, String replayRunId) {
        if (!ids.isEmpty()) {
            tx.executeWithoutResult(status -> quarantine.markReplayed(ids, replayRunId));
        }
    }

    @Override
    public Map<Long, String> replays(String runId) {
        return quarantine.replays(runId);
    }

    /** How many records of a run were rejected for each reason; a record with several reasons counts under each. */
    public Map<ReasonCode, Long> rejectionCountsByReason(String runId) {
        return quarantine.countsByReason(runId);
    }

    @Override
    public void rejects(RejectQuery query, java.util.function.Consumer<ExportedReject> each) {
        quarantine.export(query, each);
    }

    @Override
    public Map<ReasonCode, Long> rejectionCountsByReason(String feedId, Instant since) {
        return quarantine.countsByReason(feedId, since);
    }

    @Override
    public void audit(String principal, String action, String target, String detail) {
        jdbc.update("INSERT INTO hub_audit (at, principal, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                Times.utc(clock.instant()), principal, action, target, detail);
    }

    @Override
    public Map<String, String> sourceColumns(String feedId) {
        Map<String, String> columns = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT column_name, type_name FROM hub_source_column WHERE feed_id = ? ORDER BY position",
                rs -> {
                    columns.put(rs.getString(1), rs.getString(2));
                }, feedId);
        return columns;
    }

    @Override
    public void rememberSourceColumns(String feedId, Map<String, String> columns) {
        java.time.OffsetDateTime at = Times.utc(clock.instant());
        List<Object[]> rows = new java.util.ArrayList<>();
        columns.forEach((c, t) -> rows.add(new Object[] {feedId, rows.size(), c, t, at}));
        tx.executeWithoutResult(s -> {
            jdbc.update("DELETE FROM hub_source_column WHERE feed_id = ?", feedId);
            jdbc.batchUpdate("INSERT INTO hub_source_column (feed_id, position, column_name, type_name, seen_at)"
                    + " VALUES (?, ?, ?, ?, ?)", rows);
        });
    }

    @Override
    public void forgetSourceColumns(String feedId) {
        jdbc.update("DELETE FROM hub_source_column WHERE feed_id = ?", feedId);
    }

    @Override
    public List<AuditEntry> auditTrail(int limit) {
        return jdbc.query("SELECT at, principal, action, target, detail FROM hub_audit ORDER BY id DESC LIMIT ?",
                (rs, n) -> new AuditEntry(Times.instant(rs, "at"), rs.getString("principal"), rs.getString("action"),
                        rs.getString("target"), rs.getString("detail")), limit);
    }

    @Override
    public boolean isFileProcessed(String feedId, String fileName, long size, String contentHash) {
        return files.isProcessed(feedId, fileName, size, contentHash);
    }

    @Override
    public boolean isFileListed(String feedId, String fileName, long size, long modified) {
        return files.isListed(feedId, fileName, size, modified);
    }

    @Override
    public boolean fileListed(String feedId, String fileName, long size, String contentHash, long modified) {
        return files.list(feedId, fileName, size, contentHash, modified);
    }

    /** Records that the feed delivered the file in the given run; marking the same file again is a no-op. */
    public void markFileProcessed(String feedId, String runId, String fileName, long size, String contentHash) {
        files.mark(feedId, runId, fileName, size, contentHash, clock.instant());
    }
}
