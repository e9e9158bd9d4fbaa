package org.exchangehub.state;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.exchangehub.mapping.Rejection;

/**
 * The hub's durable state: watermarks, the rows seen inside the look-back window, the exchange log and
 * the quarantine. One JDBC database (embedded H2 file by default, PostgreSQL in production), schema
 * managed by Flyway.
 */
public interface StateStore {

    /** The feed's committed watermark, if it has delivered anything. */
    Optional<Watermark> watermark(String feedId);

    /**
     * Keys of rows delivered with a change time at or after {@code from}, as {@code key + '\u0000' + changeTime}
     * ({@link LocalDateTime#toString()}). Change times are kept to the microsecond (PostgreSQL's precision),
     * cut, not rounded: a source with a finer clock compares its times cut the same way.
     */
    Set<String> seenSince(String feedId, LocalDateTime from);

    /** This instance's id ({@code hub.cluster.instance-id}, hostname-pid by default), recorded with every run. */
    default String instanceId() {
        return null;
    }

    /**
     * Whether this instance may run and commit the feed: always outside cluster mode; in it, only while it holds
     * the feed (it took it as the feed's leader and no other instance took it since, as far as it knows).
     */
    default boolean holdsFeed(String feedId) {
        return true;
    }

    /** Cluster mode: the instance that took the feed last, with its epoch; empty outside cluster mode. */
    default Optional<FeedLeader> feedLeader(String feedId) {
        return Optional.empty();
    }

    /**
     * Cluster mode: when another instance took the feed from this one (or this one never took it), the refusal
     * that any commit of it would meet now; asked when a batch failed, so that a failure caused by lost leadership
     * (a paused instance whose database session the server ended) says so. Empty outside cluster mode and while
     * this instance holds the feed.
     */
    default Optional<FeedFencedException> lostFeed(String feedId) {
        return Optional.empty();
    }

    /** Records a new run as {@link RunStatus#RUNNING}. */
    void runStarted(String runId, String feedId, java.time.Instant startedAt, String watermarkBefore);

    /**
     * Commits one delivered batch in one transaction: quarantines its rejections, remembers the seen rows,
     * forgets seen rows older than {@code forgetBefore}, and advances the watermark (when not null).
     * Called only after every sink confirmed the batch. If any part fails, nothing of the batch is kept, the
     * watermark stays where it was, and the failure is thrown. In cluster mode the same transaction first confirms
     * that this instance still holds the feed, and a commit of an instance that lost it fails with
     * {@link FeedFencedException}. Remembering a row already remembered is harmless.
     */
    default void commitBatch(String feedId, String runId, String dataset, String source, Watermark watermark,
            List<Rejection> rejections, List<SeenRow> seen, LocalDateTime forgetBefore) {
        commitBatch(feedId, runId, dataset, source, watermark, rejections, seen, forgetBefore, null);
    }

    /**
     * As {@link #commitBatch(String, String, String, String, Watermark, List, List, LocalDateTime)}, and in the
     * same transaction remembers {@code file} (when not null) as processed by the feed in this run, so that a
     * file-drop source marks a file done exactly when its last batch is committed. Remembering a file already
     * remembered is harmless.
     */
    default void commitBatch(String feedId, String runId, String dataset, String source, Watermark watermark,
            List<Rejection> rejections, List<SeenRow> seen, LocalDateTime forgetBefore, ProcessedFile file) {
        commitBatch(feedId, runId, dataset, source, watermark, rejections, seen, forgetBefore, file, null);
    }

    /**
     * As above, and in the same transaction adds {@code memory} (when not null) to the feed's memory of unchanged
     * records: the versions the batch delivered, and the last-seen time of rejects it read again.
     */
    default void commitBatch(String feedId, String runId, String dataset, String source, Watermark watermark,
            List<Rejection> rejections, List<SeenRow> seen, LocalDateTime forgetBefore, ProcessedFile file,
            DeliveryMemory memory) {
        commitBatch(feedId, runId, dataset, source, watermark, rejections, seen, forgetBefore, file, memory,
                List.of());
    }

    /**
     * As above, and in the same transaction marks the feed's open rejects whose source key is among
     * {@code deliveredKeys} (the source keys of the records the batch delivered) resolved by this run: the
     * department corrected the record at the source, or a replay after a mapping fix delivered it. Where the batch
     * was settled against {@link #openRejects} when it was mapped, {@code deliveredKeys} is that
     * {@link OpenRejects.Settled}: exactly those keys are marked resolved.
     */
    default void commitBatch(String feedId, String runId, String dataset, String source, Watermark watermark,
            List<Rejection> rejections, List<SeenRow> seen, LocalDateTime forgetBefore, ProcessedFile file,
            DeliveryMemory memory, Collection<String> deliveredKeys) {
        commitBatch(feedId, runId, dataset, source, watermark, rejections, seen, forgetBefore, file, memory,
                deliveredKeys, null);
    }

    /**
     * As above, and in the same transaction moves the split load's key range forward by {@code range} (when not
     * null); refuses the whole batch when the range is no longer claimed by the instance that read it.
     */
    void commitBatch(String feedId, String runId, String dataset, String source, Watermark watermark,
            List<Rejection> rejections, List<SeenRow> seen, LocalDateTime forgetBefore, ProcessedFile file,
            DeliveryMemory memory, Collection<String> deliveredKeys, RangeProgress range);

    /**
     * The feed's open rejects as this store keeps them for its runs, for a run to settle each batch against when it
     * is mapped ({@link OpenRejects#settle}); null where the store resolves open rejects only in the commit.
     */
    default OpenRejects openRejects(String feedId) {
        return null;
    }

    /** The key ranges of the feed's split load in progress, by number; empty when none is. */
    default List<KeyRange> splitRanges(String feedId) {
        return List.of();
    }

    /**
     * Plans the feed's split load as the given ranges ({@code {lo, hi}}, both inclusive), unless a plan exists
     * already (another instance planned it first); returns the plan that holds.
     */
    default List<KeyRange> planSplit(String feedId, String runId, List<long[]> bounds) {
        throw new UnsupportedOperationException("this state store keeps no key ranges");
    }

    /**
     * Gives claims back: the ranges claimed by {@code instance} (left by a run of it that ended, e.g. killed), and
     * those of any instance whose last commit is older than {@code staleBefore}.
     */
    default void reopenRanges(String feedId, String instance, java.time.Instant staleBefore) {
        throw new UnsupportedOperationException("this state store keeps no key ranges");
    }

    /** Claims an open range for {@code instance} in one transaction; empty when none is open. */
    default Optional<KeyRange> claimRange(String feedId, String instance) {
        throw new UnsupportedOperationException("this state store keeps no key ranges");
    }

    /** Commits a range's progress without a batch (a range whose rest holds no rows). */
    default void commitRange(String feedId, RangeProgress range) {
        throw new UnsupportedOperationException("this state store keeps no key ranges");
    }

    /**
     * Ends the feed's split load if every range is done, in one transaction: with {@code lookBack} (an incremental
     * table), sets the watermark to the latest change time committed over all ranges and forgets remembered rows
     * older than it minus the look-back; then removes the ranges. Returns false (and changes nothing) while a
     * range is not done.
     */
    default boolean finishSplit(String feedId, java.time.Duration lookBack) {
        throw new UnsupportedOperationException("this state store keeps no key ranges");
    }

    /** Forgets the feed's split load (its ranges), e.g. once a watermark was set by operations. */
    default void dropSplit(String feedId) {
    }

    /**
     * The record hashes that runs of the feed other than {@code runId} delivered, by business-key digest
     * ({@link Digests#key}), for the given digests only.
     */
    default Map<String, String> deliveredHashes(String feedId, String runId, Collection<String> keyDigests) {
        return Map.of();
    }

    /** Of the given reject digests ({@link Digests#reject}), those the feed has quarantined and not replayed. */
    default Set<String> quarantinedRejects(String feedId, Collection<String> rejectDigests) {
        return Set.of();
    }

    /** Whether the feed already delivered this version of a file (same name, size and content hash). */
    boolean isFileProcessed(String feedId, String fileName, long size, String contentHash);

    /**
     * Whether a delivered version of the file was listed with this size and last-modified time ({@link
     * #fileListed}); a store that does not keep listings says no, and the file is downloaded and hashed.
     */
    default boolean isFileListed(String feedId, String fileName, long size, long modified) {
        return false;
    }

    /**
     * Ties a delivered version (name, size, content hash) to how it is listed now; false when that version was
     * never delivered, so a listing is only ever remembered for content every sink confirmed.
     */
    default boolean fileListed(String feedId, String fileName, long size, String contentHash, long modified) {
        return false;
    }

    /** Ends a run with its final counts and outcome. */
    void runFinished(RunRecord run);

    /** Sets the watermark (operations: rewind), or clears it when null, and forgets the seen rows. */
    void resetWatermark(String feedId, Watermark watermark);

    /** The newest runs first, of one feed or of all feeds when {@code feedId} is null. */
    List<RunRecord> runs(String feedId, int limit);

    Optional<RunRecord> run(String runId);

    /** The quarantined records of a run, in the order they were rejected. */
    List<QuarantineRecord> rejections(String runId);

    /** The quarantined records of a run not yet replayed, in the order they were rejected. */
    default List<QuarantineRecord> replayableRejections(String runId) {
        return rejections(runId);
    }

    /** Marks quarantined records (by id) as replayed by {@code replayRunId}, so that they are not replayed again. */
    default void markReplayed(Collection<Long> ids, String replayRunId) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot replay rejects");
    }

    /** The replayed records of a run: quarantine id to the run that replayed it. */
    default Map<Long, String> replays(String runId) {
        return Map.of();
    }

    /** Streams the rejects the query selects, in the order they were rejected, without holding them all. */
    default void rejects(RejectQuery query, java.util.function.Consumer<ExportedReject> each) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot export rejects");
    }

    /** The feed's rejected records since {@code since} per reason code; a record with several counts under each. */
    default Map<org.exchangehub.mapping.ReasonCode, Long> rejectionCountsByReason(String feedId,
            java.time.Instant since) {
        return Map.of();
    }

    /** The source columns (name to type, in the source's order) the feed's last run saw; empty before the first. */
    default Map<String, String> sourceColumns(String feedId) {
        return Map.of();
    }

    /** Remembers the source columns a run saw (names and types only), for the next run's schema check. */
    default void rememberSourceColumns(String feedId, Map<String, String> columns) {
    }

    /** Forgets the remembered source columns: the next run takes the source's schema as it is. */
    default void forgetSourceColumns(String feedId) {
    }

    /** Records that someone read personal data in clear (never the values themselves). */
    default void audit(String principal, String action, String target, String detail) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " keeps no audit trail");
    }

    /** The newest audit entries first. */
    default List<AuditEntry> auditTrail(int limit) {
        return List.of();
    }
}
