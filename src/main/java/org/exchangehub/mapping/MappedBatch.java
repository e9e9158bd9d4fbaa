package org.exchangehub.mapping;

import java.util.List;

/**
 * The outcome of mapping a batch: the unified records to deliver (one per business key, the latest version),
 * the rejections, and the counts the exchange log needs.
 *
 * @param records    valid records, one per business key
 * @param rejections every record that failed, in source order
 * @param warnings   fields nulled with a warning on the delivered records
 * @param superseded valid records dropped because a later version of the same business key was in the batch
 */
public record MappedBatch(List<UnifiedRecord> records, List<Rejection> rejections, int warnings, int superseded) {

    public MappedBatch {
        records = List.copyOf(records);
        rejections = List.copyOf(rejections);
    }
}
