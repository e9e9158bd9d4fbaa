package org.exchangehub.state;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The key ranges of split loads ({@code hub_split_range}). A claim is one conditional UPDATE, so that two
 * instances never hold one range; progress is refused for an instance that no longer holds its range. Callers
 * provide the transaction.
 */
final class SplitRanges {

    private static final String COLUMNS = "range_no, lo, hi, status, claimed_by, progress_key, rows_read, max_change,"
            + " max_change_key";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM hub_split_range WHERE feed_id = ?";
    private static final String INSERT = "INSERT INTO hub_split_range (feed_id, range_no, planned_by_run, lo, hi,"
            + " status, rows_read, updated_at) VALUES (?, ?, ?, ?, ?, '" + KeyRange.OPEN + "', 0, ?)";
    private static final String CLAIM = "UPDATE hub_split_range SET status = '" + KeyRange.CLAIMED + "',"
            + " claimed_by = ?, updated_at = ? WHERE feed_id = ? AND range_no = ? AND status = '" + KeyRange.OPEN + "'";
    private static final String PROGRESS = "UPDATE hub_split_range SET progress_key = ?, rows_read = rows_read + ?,"
            + " max_change = ?, max_change_key = ?, status = ?, updated_at = ? WHERE feed_id = ? AND range_no = ?"
            + " AND status = '" + KeyRange.CLAIMED + "' AND claimed_by = ?";
    private static final String REOPEN = "UPDATE hub_split_range SET status = '" + KeyRange.OPEN + "',"
            + " claimed_by = NULL WHERE feed_id = ? AND status = '" + KeyRange.CLAIMED + "'"
            + " AND (claimed_by = ? OR updated_at < ?)";
    private static final String DELETE = "DELETE FROM hub_split_range WHERE feed_id = ?";

    private static final RowMapper<KeyRange> ROW = (rs, n) -> new KeyRange(rs.getInt("range_no"), rs.getLong("lo"),
            rs.getLong("hi"), rs.getString("status"), rs.getString("claimed_by"),
            rs.getObject("progress_key") == null ? null : rs.getLong("progress_key"), rs.getLong("rows_read"),
            Times.changeTime(rs, "max_change"), rs.getString("max_change_key"));

    private final JdbcTemplate jdbc;

    SplitRanges(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<KeyRange> of(String feedId) {
        return jdbc.query(SELECT + " ORDER BY range_no", ROW, feedId);
    }

    /** The feed's ranges, locked against a concurrent finish or progress (PostgreSQL and H2). */
    List<KeyRange> lock(String feedId) {
        return jdbc.query(SELECT + " ORDER BY range_no FOR UPDATE", ROW, feedId);
    }

    void insert(String feedId, String runId, List<long[]> bounds, Instant now) {
        for (int i = 0; i < bounds.size(); i++) {
            jdbc.update(INSERT, feedId, i, runId, bounds.get(i)[0], bounds.get(i)[1], Times.utc(now));
        }
    }

    /** Claims the lowest open range for {@code instance}; empty when none is open. */
    Optional<KeyRange> claim(String feedId, String instance, Instant now) {
        for (KeyRange range : of(feedId)) {
            if (KeyRange.OPEN.equals(range.status())
                    && jdbc.update(CLAIM, instance, Times.utc(now), feedId, range.number()) == 1) {
                return jdbc.query(SELECT + " AND range_no = ?", ROW, feedId, range.number()).stream().findFirst();
            }
        }
        return Optional.empty();
    }

    void progress(String feedId, RangeProgress p, Instant now) {
        LocalDateTime maxChange = p.maxChange() == null ? null : Times.changeTime(p.maxChange());
        int updated = jdbc.update(PROGRESS, p.lastKey(), p.rows(), maxChange, p.maxChangeKey(),
                p.done() ? KeyRange.DONE : KeyRange.CLAIMED, Times.utc(now), feedId, p.range(), p.instance());
        if (updated != 1) {
            throw new IllegalStateException("feed " + feedId + ": key range " + p.range() + " is no longer claimed by"
                    + " instance " + p.instance() + " (another instance took it over, or the load was reset); its"
                    + " progress is not committed");
        }
    }

    int reopen(String feedId, String instance, Instant staleBefore) {
        return jdbc.update(REOPEN, feedId, instance, Times.utc(staleBefore));
    }

    void delete(String feedId) {
        jdbc.update(DELETE, feedId);
    }
}
