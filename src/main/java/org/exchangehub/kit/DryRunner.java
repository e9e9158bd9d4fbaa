package org.exchangehub.kit;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.SourceRecord;

/**
 * {@code dry-run}: runs one feed of a started hub against its real source with a record limit, or against a local
 * CSV sample file (header line, the source's column names) in place of its source, through the feed's real route;
 * sinks deliver nothing and no state moves.
 */
public final class DryRunner {

    private static final int SAMPLE_BATCH = 1000;

    private DryRunner() {
    }

    /**
     * @param limit  the most records to read (0: no limit)
     * @param sample a CSV file read in place of the source, or null
     * @throws IllegalArgumentException when the hub has no such feed
     */
    public static DryRun dryRun(FeedRegistry registry, String feedId, int limit, Path sample, Charset encoding) {
        FeedConsumer feed = registry.feed(feedId).orElseThrow(() -> new IllegalArgumentException(
                "no feed '" + feedId + "'; the feeds are " + registry.feeds().stream().map(FeedConsumer::feedId).toList()));
        if (sample == null) {
            return feed.dryRun(limit);
        }
        List<SourceRecord> records;
        try {
            records = CsvRecords.parse(sample.getFileName().toString(), Files.readString(sample, encoding), null);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the sample " + sample + ": " + e.getMessage(), e);
        }
        return feed.dryRun(limit, sink -> {
            for (int i = 0; i < records.size(); i += SAMPLE_BATCH) {
                sink.deliver(records.subList(i, Math.min(records.size(), i + SAMPLE_BATCH)), null);
            }
        });
    }
}
