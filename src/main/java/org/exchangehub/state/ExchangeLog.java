package org.exchangehub.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;

/** The exchange log ({@code hub_run}): one row per run of a feed. */
final class ExchangeLog {

    private static final String COLUMNS = "run_id, feed_id, started_at, ended_at, rows_read, rows_delivered,"
            + " rows_rejected, warnings, watermark_before, watermark_after, status, error_message, receipt,"
            + " rows_unchanged, source_count, accounted_count, count_method, reconciliation, instance_id";
    private static final String INSERT = "INSERT INTO hub_run (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // feed, start and watermark before stay as recorded at the start.
    private static final String FINISH = "UPDATE hub_run SET ended_at = ?, rows_read = ?, rows_delivered = ?,"
            + " rows_rejected = ?, warnings = ?, watermark_after = ?, status = ?, error_message = ?, receipt = ?,"
            + " rows_unchanged = ?, source_count = ?, accounted_count = ?, count_method = ?, reconciliation = ?"
            + " WHERE run_id = ?";
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM hub_run WHERE run_id = ?";
    private static final String NEWEST_OF_FEED = "SELECT " + COLUMNS + " FROM hub_run WHERE feed_id = ?"
            + " ORDER BY started_at DESC, run_id DESC LIMIT ?";
    private static final String NEWEST = "SELECT " + COLUMNS + " FROM hub_run"
            + " ORDER BY started_at DESC, run_id DESC LIMIT ?";

    private final JdbcTemplate jdbc;
    private final String instanceId;

    /** @param instanceId the instance every run this log starts is recorded with */
    ExchangeLog(JdbcTemplate jdbc, String instanceId) {
        this.jdbc = jdbc;
        this.instanceId = instanceId;
    }

    void started(String runId, String feedId, Instant startedAt, String watermarkBefore) {
        jdbc.update(INSERT, runId, feedId, Times.utc(startedAt), null, 0L, 0L, 0L, 0L, watermarkBefore, null,
                RunStatus.RUNNING.name(), null, null, 0L, null, null, null, null, instanceId);
    }

    /** Updates the run's row, or inserts it when its start was never recorded: an end must not be lost. */
    void finished(RunRecord run) {
        Reconciliation r = run.reconciliation();
        Long source = r == null ? null : r.sourceCount();
        Long accounted = r == null ? null : r.accounted();
        String method = r == null ? null : r.method();
        String outcome = r == null ? null : r.outcome().name();
        int updated = jdbc.update(FINISH, Times.utc(run.endedAt()), run.rowsRead(), run.rowsDelivered(),
                run.rowsRejected(), run.warnings(), run.watermarkAfter(), run.status().name(), run.error(),
                run.receipt(), run.rowsUnchanged(), source, accounted, method, outcome, run.runId());
        if (updated == 0) {
            jdbc.update(INSERT, run.runId(), run.feedId(), Times.utc(run.startedAt()), Times.utc(run.endedAt()),
                    run.rowsRead(), run.rowsDelivered(), run.rowsRejected(), run.warnings(), run.watermarkBefore(),
                    run.watermarkAfter(), run.status().name(), run.error(), run.receipt(), run.rowsUnchanged(),
                    source, accounted, method, outcome, run.instanceId() == null ? instanceId : run.instanceId());
        }
    }

    Optional<RunRecord> run(String runId) {
        return jdbc.query(BY_ID, ExchangeLog::map, runId).stream().findFirst();
    }

    List<RunRecord> newest(String feedId, int limit) {
        return feedId == null
                ? jdbc.query(NEWEST, ExchangeLog::map, limit)
                : jdbc.query(NEWEST_OF_FEED, ExchangeLog::map, feedId, limit);
    }

    private static RunRecord map(ResultSet rs, int n) throws SQLException {
        return new RunRecord(
                rs.getString("run_id"),
                rs.getString("feed_id"),
                Times.instant(rs, "started_at"),
                Times.instant(rs, "ended_at"),
                rs.getLong("rows_read"),
                rs.getLong("rows_delivered"),
                rs.getLong("rows_rejected"),
                rs.getLong("warnings"),
                rs.getString("watermark_before"),
                rs.getString("watermark_after"),
                RunStatus.valueOf(rs.getString("status")),
                rs.getString("error_message"),
                rs.getString("receipt"),
                rs.getLong("rows_unchanged"),
                reconciliation(rs),
                rs.getString("instance_id"));
    }

    private static Reconciliation reconciliation(ResultSet rs) throws SQLException {
        long source = rs.getLong("source_count");
        if (rs.wasNull()) {
            return null;
        }
        return new Reconciliation(source, rs.getLong("accounted_count"), rs.getString("count_method"));
    }
}
