package org.exchangehub.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Watermarks and the rows seen inside the look-back window ({@code hub_watermark}, {@code hub_seen_row}).
 * Callers provide the transaction.
 */
final class Watermarks {

    private static final String SELECT = "SELECT change_time, row_key FROM hub_watermark WHERE feed_id = ?";
    private static final String UPDATE =
            "UPDATE hub_watermark SET change_time = ?, row_key = ?, updated_at = ? WHERE feed_id = ?";
    private static final String INSERT =
            "INSERT INTO hub_watermark (feed_id, change_time, row_key, updated_at) VALUES (?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM hub_watermark WHERE feed_id = ?";

    private static final String SEEN_SINCE =
            "SELECT row_key, change_time FROM hub_seen_row WHERE feed_id = ? AND change_time >= ?";
    // Re-remembering a row is harmless, so a repeated row must not fail the batch's commit. PostgreSQL and H2 skip
    // a row already there in a plain insert, which the PostgreSQL driver sends as multi-row inserts
    // (reWriteBatchedInserts); elsewhere each row is inserted only where it does not exist yet.
    private static final String PG_SEEN_INSERT = "INSERT INTO hub_seen_row (feed_id, change_time, row_key)"
            + " VALUES (?, ?, ?) ON CONFLICT DO NOTHING";
    private static final String H2_SEEN_INSERT = "MERGE INTO hub_seen_row (feed_id, change_time, row_key)"
            + " KEY (feed_id, change_time, row_key) VALUES (?, ?, ?)";
    private static final String SEEN_INSERT = "INSERT INTO hub_seen_row (feed_id, change_time, row_key)"
            + " SELECT CAST(? AS VARCHAR(200)), CAST(? AS TIMESTAMP), CAST(? AS VARCHAR(1000))"
            + " WHERE NOT EXISTS (SELECT 1 FROM hub_seen_row"
            + " WHERE feed_id = ? AND change_time = CAST(? AS TIMESTAMP) AND row_key = ?)";
    private static final String SEEN_FORGET_BEFORE =
            "DELETE FROM hub_seen_row WHERE feed_id = ? AND change_time < ?";
    private static final String SEEN_FORGET_ALL = "DELETE FROM hub_seen_row WHERE feed_id = ?";

    private static final int BATCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private final java.util.function.Supplier<StateDatabase> database;

    Watermarks(JdbcTemplate jdbc, java.util.function.Supplier<StateDatabase> database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    Optional<Watermark> watermark(String feedId) {
        List<Watermark> found = jdbc.query(SELECT,
                (rs, n) -> new Watermark(Times.changeTime(rs, "change_time"), rs.getString("row_key")), feedId);
        return found.stream().findFirst();
    }

    /** UPDATE first, INSERT when there was no row: portable, and on PostgreSQL it locks the feed's row early. */
    void upsert(String feedId, Watermark watermark, Instant now) {
        LocalDateTime changeTime = Times.changeTime(watermark.changeTime());
        int updated = jdbc.update(UPDATE, changeTime, watermark.key(), Times.utc(now), feedId);
        if (updated == 0) {
            jdbc.update(INSERT, feedId, changeTime, watermark.key(), Times.utc(now));
        }
    }

    void delete(String feedId) {
        jdbc.update(DELETE, feedId);
    }

    Set<String> seenSince(String feedId, LocalDateTime from) {
        Set<String> keys = new HashSet<>();
        jdbc.query(SEEN_SINCE, rs -> {
            keys.add(rs.getString(1) + '\u0000' + Times.changeTime(rs, "change_time"));
        }, feedId, Times.changeTime(from));
        return keys;
    }

    void remember(String feedId, List<SeenRow> seen) {
        if (seen.isEmpty()) {
            return;
        }
        List<SeenRow> distinct = new ArrayList<>(new LinkedHashSet<>(seen));
        StateDatabase db = database.get();
        if (db != StateDatabase.OTHER) {
            jdbc.batchUpdate(db == StateDatabase.POSTGRESQL ? PG_SEEN_INSERT : H2_SEEN_INSERT, distinct, BATCH_SIZE,
                    (ps, row) -> {
                        ps.setString(1, feedId);
                        ps.setObject(2, Times.changeTime(row.changeTime()));
                        ps.setString(3, row.key());
                    });
            return;
        }
        jdbc.batchUpdate(SEEN_INSERT, distinct, BATCH_SIZE, (ps, row) -> {
            LocalDateTime changeTime = Times.changeTime(row.changeTime());
            ps.setString(1, feedId);
            ps.setObject(2, changeTime);
            ps.setString(3, row.key());
            ps.setString(4, feedId);
            ps.setObject(5, changeTime);
            ps.setString(6, row.key());
        });
    }

    void forgetBefore(String feedId, LocalDateTime before) {
        jdbc.update(SEEN_FORGET_BEFORE, feedId, Times.changeTime(before));
    }

    void forgetAll(String feedId) {
        jdbc.update(SEEN_FORGET_ALL, feedId);
    }
}
