package org.exchangehub.sink.lake;

import java.util.List;

/**
 * What the lake holds for one run of a feed: every file written so far, kept as
 * {@code <root>/<dataset>/_receipts/<runId>.json} for audit and for the run's exchange-log entry.
 *
 * @param feed      the feed (route id)
 * @param runId     the run
 * @param dataset   the dataset
 * @param files     the run's files, ordered by path
 * @param totalRows sum of the files' rows
 */
public record LakeReceipt(String feed, String runId, String dataset, List<LakeFile> files, long totalRows) {

    public LakeReceipt {
        files = List.copyOf(files);
    }
}
