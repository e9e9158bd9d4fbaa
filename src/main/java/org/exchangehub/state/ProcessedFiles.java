package org.exchangehub.state;

import java.time.Instant;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files a file-drop source has delivered ({@code hub_processed_file}), identified by feed, name, size and
 * content hash so that a file dropped again with the same content is skipped and a changed one is not; and the
 * last-modified time a delivered version was listed with, so that a file left in place is known without a download.
 */
final class ProcessedFiles {

    private static final String EXISTS = "SELECT COUNT(*) FROM hub_processed_file"
            + " WHERE feed_id = ? AND file_name = ? AND file_size = ? AND content_hash = ?";
    // Marking twice (a re-run after a crash between delivery and mark) keeps the first mark.
    private static final String INSERT = "INSERT INTO hub_processed_file"
            + " (feed_id, file_name, file_size, content_hash, processed_at, run_id)"
            + " SELECT CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(1000)), CAST(? AS BIGINT),"
            + " CAST(? AS VARCHAR(128)), CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS VARCHAR(200))"
            + " WHERE NOT EXISTS (SELECT 1 FROM hub_processed_file"
            + " WHERE feed_id = ? AND file_name = ? AND file_size = ? AND content_hash = ?)";

    private static final String LISTED = "SELECT COUNT(*) FROM hub_processed_file"
            + " WHERE feed_id = ? AND file_name = ? AND file_size = ? AND listed_modified = ?";
    private static final String LIST = "UPDATE hub_processed_file SET listed_modified = ?"
            + " WHERE feed_id = ? AND file_name = ? AND file_size = ? AND content_hash = ?";

    private final JdbcTemplate jdbc;

    ProcessedFiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isProcessed(String feedId, String fileName, long size, String contentHash) {
        Long count = jdbc.queryForObject(EXISTS, Long.class, feedId, fileName, size, contentHash);
        return count != null && count > 0;
    }

    boolean isListed(String feedId, String fileName, long size, long modified) {
        Long count = jdbc.queryForObject(LISTED, Long.class, feedId, fileName, size, modified);
        return count != null && count > 0;
    }

    boolean list(String feedId, String fileName, long size, String contentHash, long modified) {
        return jdbc.update(LIST, modified, feedId, fileName, size, contentHash) > 0;
    }

    void mark(String feedId, String runId, String fileName, long size, String contentHash, Instant at) {
        jdbc.update(INSERT, feedId, fileName, size, contentHash, Times.utc(at), runId,
                feedId, fileName, size, contentHash);
    }
}
