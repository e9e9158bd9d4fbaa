package org.exchangehub.state;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/** The feeds' memory of delivered versions ({@code hub_delivered_record}): key digest → record hash. */
final class DeliveredRecords {

    /** Digests per lookup query: well inside every database's limit of bind parameters. */
    private static final int CHUNK = 1000;

    private static final String COLUMNS = " (feed_id, key_digest, record_hash, run_id, delivered_at)";
    /** One statement per record where the database has an upsert: half the work of delete and insert. */
    private static final String H2_MERGE = "MERGE INTO hub_delivered_record" + COLUMNS
            + " KEY (feed_id, key_digest) VALUES (?, ?, ?, ?, ?)";
    private static final String PG_UPSERT = "INSERT INTO hub_delivered_record" + COLUMNS + " VALUES (?, ?, ?, ?, ?)"
            + " ON CONFLICT (feed_id, key_digest) DO UPDATE SET record_hash = EXCLUDED.record_hash,"
            + " run_id = EXCLUDED.run_id, delivered_at = EXCLUDED.delivered_at";
    private static final String DELETE = "DELETE FROM hub_delivered_record WHERE feed_id = ? AND key_digest = ?";
    private static final String INSERT = "INSERT INTO hub_delivered_record" + COLUMNS + " VALUES (?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final java.util.function.Supplier<StateDatabase> database;

    DeliveredRecords(JdbcTemplate jdbc, java.util.function.Supplier<StateDatabase> database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** The upsert of this database, or null: delete, then insert. */
    private String upsert() {
        return switch (database.get()) {
            case H2 -> H2_MERGE;
            case POSTGRESQL -> PG_UPSERT;
            case OTHER -> null;
        };
    }

    /** The hashes delivered by runs other than {@code runId}, by key digest; one query per thousand digests. */
    Map<String, String> hashes(String feedId, String runId, Collection<String> keyDigests) {
        Map<String, String> found = new HashMap<>();
        List<String> all = List.copyOf(keyDigests);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            String sql = "SELECT key_digest, record_hash FROM hub_delivered_record WHERE feed_id = ? AND run_id <> ?"
                    + " AND key_digest IN (" + "?,".repeat(chunk.size() - 1) + "?)";
            Object[] args = new Object[chunk.size() + 2];
            args[0] = feedId;
            args[1] = runId;
            for (int i = 0; i < chunk.size(); i++) {
                args[i + 2] = chunk.get(i);
            }
            jdbc.query(sql, rs -> {
                found.put(rs.getString(1), rs.getString(2));
            }, args);
        }
        return found;
    }

    void remember(String feedId, String runId, List<DeliveryMemory.Delivered> delivered, Instant now) {
        if (delivered.isEmpty()) {
            return;
        }
        Map<String, DeliveryMemory.Delivered> latest = new java.util.LinkedHashMap<>();
        delivered.forEach(d -> latest.put(d.keyDigest(), d)); // a key twice in a batch: its last version counts
        List<Object[]> rows = latest.values().stream()
                .map(d -> new Object[] {feedId, d.keyDigest(), d.recordHash(), runId, Times.utc(now)}).toList();
        String sql = upsert();
        if (sql != null) {
            jdbc.batchUpdate(sql, rows);
        } else {
            jdbc.batchUpdate(DELETE, rows.stream().map(r -> new Object[] {r[0], r[1]}).toList());
            jdbc.batchUpdate(INSERT, rows);
        }
    }
}
