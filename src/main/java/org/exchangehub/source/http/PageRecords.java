package org.exchangehub.source.http;

import java.time.LocalDateTime;
import java.util.List;

import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.Rejection;

/**
 * The records of one page of a service pull, with their keys and change times for the batch's checkpoint,
 * and the elements that could not be read as records.
 */
record PageRecords(List<SourceRecord> records, List<String> keys, List<LocalDateTime> times,
        List<Rejection> rejections) {
}
