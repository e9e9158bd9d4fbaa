package org.exchangehub.feed;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.camel.Exchange;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * A dry run of one feed: its batches go down the real route (mapping included) with the exchange property
 * {@link #PROPERTY} set, sinks skip delivery, and nothing is committed (no watermark, no quarantine, no
 * exchange-log entry). Collects what the run would have delivered and rejected.
 */
public final class DryRun {

    /** Exchange property marking a dry-run batch; sinks must not deliver it. */
    public static final String PROPERTY = "ExchangeHub.dryRun";

    private final String feedId;
    private final List<UnifiedRecord> records = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final int limit;
    private Dataset dataset;
    private long read;
    private boolean sourceHasMore;

    DryRun(String feedId, int limit) {
        this.feedId = feedId;
        this.limit = limit;
    }

    /** Whether the exchange carries a dry-run batch (sinks return without delivering). */
    public static boolean isDryRun(Exchange exchange) {
        return Boolean.TRUE.equals(exchange.getProperty(PROPERTY, Boolean.class));
    }

    void add(Batch batch) {
        read += batch.records().size();
        if (batch.dataset() != null) {
            dataset = batch.dataset();
        }
        records.addAll(batch.unified());
        rejections.addAll(batch.rejections());
    }

    public String feedId() {
        return feedId;
    }

    /** The dataset the feed maps onto; null when no batch was read. */
    public Dataset dataset() {
        return dataset;
    }

    /** Source records read (within the limit). */
    public long read() {
        return read;
    }

    void note(String note) {
        notes.add(note);
    }

    /** What the source said about the run besides records, e.g. why a file would be set aside. */
    public List<String> notes() {
        return Collections.unmodifiableList(notes);
    }

    void sourceHasMore() {
        sourceHasMore = true;
    }

    /** The most records the run was to read; 0 for no limit. */
    public int limit() {
        return limit;
    }

    /** Whether the run stopped at its limit while the source had more records (or malformed lines) to give. */
    public boolean isCutAtLimit() {
        return sourceHasMore;
    }

    /** The records read, and whether the limit cut the read short: {@code 20 (limit 20 reached; the source has more)}. */
    public String readSummary() {
        if (sourceHasMore) {
            return read + " (limit " + limit + " reached; the source has more)";
        }
        return limit > 0 && read == limit ? read + " (limit " + limit + " reached; the source has no more)"
                : String.valueOf(read);
    }

    public List<UnifiedRecord> records() {
        return Collections.unmodifiableList(records);
    }

    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }
}
