package org.exchangehub.state;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.springframework.jdbc.core.JdbcTemplate;

/** The quarantine ({@code hub_quarantine}): rejected records with raw form and reasons. */
final class Quarantine {

    private static final String INSERT = "INSERT INTO hub_quarantine"
            + " (run_id, feed_id, dataset, source, source_key, raw_form, violations, reason_codes, rejected_at,"
            + " reject_digest, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SEEN_AGAIN =
            "UPDATE hub_quarantine SET last_seen_at = ? WHERE feed_id = ? AND reject_digest = ?";
    private static final String BY_RUN = "SELECT id, run_id, feed_id, dataset, source, source_key, raw_form,"
            + " violations, rejected_at FROM hub_quarantine WHERE run_id = ? ORDER BY id";
    private static final String REPLAYABLE = "SELECT id, run_id, feed_id, dataset, source, source_key, raw_form,"
            + " violations, rejected_at FROM hub_quarantine WHERE run_id = ? AND replayed_by_run IS NULL ORDER BY id";
    private static final String MARK_REPLAYED =
            "UPDATE hub_quarantine SET replayed_by_run = ? WHERE id = ? AND replayed_by_run IS NULL";
    private static final String REPLAYS =
            "SELECT id, replayed_by_run FROM hub_quarantine WHERE run_id = ? AND replayed_by_run IS NOT NULL";
    private static final String REASONS_OF_RUN =
            "SELECT reason_codes, COUNT(*) FROM hub_quarantine WHERE run_id = ? GROUP BY reason_codes";

    private static final String OPEN_KEYS = "SELECT DISTINCT source_key FROM hub_quarantine WHERE feed_id = ?"
            + " AND resolved_by_run IS NULL AND replayed_by_run IS NULL AND source_key IS NOT NULL";
    private static final String RESOLVE = "UPDATE hub_quarantine SET resolved_by_run = ?, resolved_at = ?"
            + " WHERE feed_id = ? AND source_key = ? AND resolved_by_run IS NULL";
    private static final String EXPORT = "SELECT id, run_id, feed_id, dataset, source, source_key, raw_form,"
            + " violations, rejected_at, last_seen_at, resolved_by_run, resolved_at, replayed_by_run"
            + " FROM hub_quarantine WHERE 1 = 1";
    private static final String REASONS_OF_FEED = "SELECT reason_codes, COUNT(*) FROM hub_quarantine"
            + " WHERE feed_id = ? AND rejected_at >= ? GROUP BY reason_codes";

    private static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final ViolationsJson json = new ViolationsJson();

    Quarantine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String feedId, String runId, String dataset, String source, List<Rejection> rejections,
            Instant rejectedAt) {
        if (rejections.isEmpty()) {
            return;
        }
        OffsetDateTime at = Times.utc(rejectedAt);
        jdbc.batchUpdate(INSERT, rejections, BATCH_SIZE, (ps, rejection) -> {
            ps.setString(1, runId);
            ps.setString(2, feedId);
            ps.setString(3, dataset);
            ps.setString(4, source);
            ps.setString(5, rejection.sourceKey());
            ps.setString(6, rejection.rawForm());
            ps.setString(7, json.write(rejection.violations()));
            ps.setString(8, ViolationsJson.reasonCodes(rejection.violations()));
            ps.setObject(9, at);
            ps.setString(10, Digests.reject(rejection));
            ps.setObject(11, at);
        });
    }

    /** Of the given reject digests, those the feed has quarantined (and not replayed); one query per thousand. */
    java.util.Set<String> known(String feedId, java.util.Collection<String> digests) {
        java.util.Set<String> found = new java.util.HashSet<>();
        List<String> all = List.copyOf(digests);
        for (int from = 0; from < all.size(); from += BATCH_SIZE) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + BATCH_SIZE));
            String sql = "SELECT reject_digest FROM hub_quarantine WHERE feed_id = ? AND replayed_by_run IS NULL"
                    + " AND reject_digest IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            Object[] args = new Object[chunk.size() + 1];
            args[0] = feedId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 1] = chunk.get(i);
            }
            jdbc.query(sql, rs -> {
                found.add(rs.getString(1));
            }, args);
        }
        return found;
    }

    /** Moves the last-seen time of rejects read again. */
    void seenAgain(String feedId, List<String> digests, Instant now) {
        if (!digests.isEmpty()) {
            OffsetDateTime at = Times.utc(now);
            jdbc.batchUpdate(SEEN_AGAIN, digests.stream().map(d -> new Object[] {at, feedId, d}).toList());
        }
    }

    /** Each source key of the feed's open rejects (neither resolved nor replayed), streamed. */
    void openKeys(String feedId, java.util.function.Consumer<String> each) {
        jdbc.query(OPEN_KEYS, rs -> {
            each.accept(rs.getString(1));
        }, feedId);
    }

    /** Marks the feed's open rejects with these source keys resolved by the run that delivered them. */
    void resolve(String feedId, String runId, java.util.Collection<String> keys, Instant now) {
        if (!keys.isEmpty()) {
            OffsetDateTime at = Times.utc(now);
            jdbc.batchUpdate(RESOLVE, keys.stream().map(k -> new Object[] {runId, at, feedId, k}).toList());
        }
    }

    /** Streams the rejects the query selects, oldest first, without holding them all. */
    void export(RejectQuery q, java.util.function.Consumer<ExportedReject> each) {
        StringBuilder sql = new StringBuilder(EXPORT);
        List<Object> args = new java.util.ArrayList<>();
        if (q.feedId() != null) {
            sql.append(" AND feed_id = ?");
            args.add(q.feedId());
        }
        if (q.runId() != null) {
            sql.append(" AND run_id = ?");
            args.add(q.runId());
        }
        if (q.since() != null) {
            sql.append(" AND rejected_at >= ?");
            args.add(Times.utc(q.since()));
        }
        if (q.openOnly()) {
            sql.append(" AND resolved_by_run IS NULL AND replayed_by_run IS NULL");
        }
        sql.append(" ORDER BY id");
        jdbc.query(con -> {
            var ps = con.prepareStatement(sql.toString());
            ps.setFetchSize(500);
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        }, rs -> {
            each.accept(new ExportedReject(record(rs), Times.instant(rs, "last_seen_at"),
                    rs.getString("resolved_by_run"), Times.instant(rs, "resolved_at"),
                    rs.getString("replayed_by_run")));
        });
    }

    /** The feed's rejected records since {@code since} per reason code (a record counts once under each). */
    Map<ReasonCode, Long> countsByReason(String feedId, Instant since) {
        Map<ReasonCode, Long> counts = new EnumMap<>(ReasonCode.class);
        jdbc.query(REASONS_OF_FEED, rs -> {
            addReasons(counts, rs.getString(1), rs.getLong(2));
        }, feedId, Times.utc(since));
        return counts;
    }

    private static void addReasons(Map<ReasonCode, Long> counts, String codes, long count) {
        for (String code : codes.split(",")) {
            counts.merge(ReasonCode.valueOf(code), count, Long::sum);
        }
    }

    List<QuarantineRecord> byRun(String runId) {
        return query(BY_RUN, runId);
    }

    List<QuarantineRecord> replayable(String runId) {
        return query(REPLAYABLE, runId);
    }

    /** Marks the records as replayed; returns how many were not marked before. */
    int markReplayed(java.util.Collection<Long> ids, String replayRunId) {
        int marked = 0;
        for (int n : jdbc.batchUpdate(MARK_REPLAYED, ids.stream().map(id -> new Object[] {replayRunId, id}).toList())) {
            marked += Math.max(0, n);
        }
        return marked;
    }

    Map<Long, String> replays(String runId) {
        Map<Long, String> replays = new java.util.LinkedHashMap<>();
        jdbc.query(REPLAYS, rs -> {
            replays.put(rs.getLong(1), rs.getString(2));
        }, runId);
        return replays;
    }

    private List<QuarantineRecord> query(String sql, String runId) {
        return jdbc.query(sql, (rs, n) -> record(rs), runId);
    }

    private QuarantineRecord record(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new QuarantineRecord(
                rs.getLong("id"),
                rs.getString("run_id"),
                rs.getString("feed_id"),
                rs.getString("dataset"),
                rs.getString("source"),
                rs.getString("source_key"),
                rs.getString("raw_form"),
                json.read(rs.getString("violations")),
                Times.instant(rs, "rejected_at"));
    }

    /** Rejected records of a run per reason code; a record with several reasons counts once under each. */
    Map<ReasonCode, Long> countsByReason(String runId) {
        Map<ReasonCode, Long> counts = new EnumMap<>(ReasonCode.class);
        jdbc.query(REASONS_OF_RUN, rs -> {
            addReasons(counts, rs.getString(1), rs.getLong(2));
        }, runId);
        return counts;
    }
}
