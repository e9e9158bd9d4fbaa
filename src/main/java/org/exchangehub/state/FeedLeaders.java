package org.exchangehub.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The feeds' fencing tokens ({@code hub_feed_leader}): a take-over counts the feed's epoch up, a commit confirms
 * its instance's epoch is still the feed's. On PostgreSQL both update the feed's row, so a take-over and a commit
 * of the same feed never interleave. Callers provide the transaction.
 */
final class FeedLeaders {

    private static final String TAKE = "UPDATE hub_feed_leader SET instance_id = ?, epoch = epoch + 1, taken_at = ?"
            + " WHERE feed_id = ?";
    private static final String FIRST = "INSERT INTO hub_feed_leader (feed_id, instance_id, epoch, taken_at)"
            + " VALUES (?, ?, 1, ?)";
    // the no-op update locks the row until the commit ends: a take-over waits for the batch, or the batch is refused
    private static final String CONFIRM = "UPDATE hub_feed_leader SET epoch = epoch WHERE feed_id = ?"
            + " AND instance_id = ? AND epoch = ?";
    private static final String SELECT = "SELECT feed_id, instance_id, epoch, taken_at FROM hub_feed_leader"
            + " WHERE feed_id = ?";

    private final JdbcTemplate jdbc;

    FeedLeaders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the feed for the instance and returns the new epoch. */
    long take(String feedId, String instanceId, Instant now) {
        if (jdbc.update(TAKE, instanceId, Times.utc(now), feedId) == 0) {
            jdbc.update(FIRST, feedId, instanceId, Times.utc(now));
        }
        return leader(feedId).orElseThrow().epoch();
    }

    boolean confirm(String feedId, String instanceId, long epoch) {
        return jdbc.update(CONFIRM, feedId, instanceId, epoch) == 1;
    }

    Optional<FeedLeader> leader(String feedId) {
        List<FeedLeader> found = jdbc.query(SELECT, (rs, n) -> new FeedLeader(rs.getString("feed_id"),
                rs.getString("instance_id"), rs.getLong("epoch"), Times.instant(rs, "taken_at")), feedId);
        return found.stream().findFirst();
    }
}
