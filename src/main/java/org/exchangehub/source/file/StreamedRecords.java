package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.Checkpoint;
import org.exchangehub.feed.Json;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.Violation;

/**
 * The drop source's record formats (CSV, fixed-width, XML) for content that a route's own Camel endpoint fetched,
 * e.g. a file camel-ftp consumed, read by the {@code hub-feed} step: one stream in, batches out, a malformed line
 * quarantined as {@code MALFORMED_RECORD} with source key {@code NAME:LINE}. The origin endpoint commits the content
 * itself (moves the file), so no batch carries a file checkpoint.
 */
public final class StreamedRecords {

    private final FileFormat format;
    private final String keyColumn;

    private StreamedRecords(FileFormat format, String keyColumn) {
        this.format = format;
        this.keyColumn = keyColumn;
    }

    /**
     * The records of one of the drop source's formats (csv, fixed, xml), its options checked as the drop source checks
     * them; {@code keyColumn} null: NAME:LINE keys.
     */
    public static StreamedRecords of(RecordFormats.Options options, RecordFormats.Problems problems,
            String keyColumn) {
        return new StreamedRecords(RecordFormats.build(options, RecordFormats.charset(options.charset(), problems),
                problems), keyColumn);
    }

    /**
     * Reads {@code in} to its end and hands its records to {@code sink} in batches of {@code batchSize}.
     *
     * @param name the content's name in source keys and rejects (a file name)
     * @throws IOException when the content cannot be read on (truncated, not well-formed): the run fails
     */
    public void read(String name, InputStream in, int batchSize, BatchSink sink) throws IOException {
        try (RecordReader reader = format.open(in)) {
            KeyColumn keys = KeyColumn.of(keyColumn, reader.layout());
            if (keyColumn != null && reader.layout().indexOf(keyColumn) < 0) {
                throw new BadFileException("UNPARSABLE", name + " has no column " + keyColumn + " (option sourceKey);"
                        + " its columns are " + reader.layout().columns());
            }
            List<SourceRecord> pending = new ArrayList<>(Math.min(batchSize, 1024));
            for (ParsedLine parsed = reader.next(); parsed != null; parsed = reader.next()) {
                SourceRecord record = record(name, parsed, keys, sink);
                if (record != null) {
                    pending.add(record);
                }
                if (pending.size() == batchSize) {
                    sink.deliver(pending, Checkpoint.NONE);
                    pending = new ArrayList<>(Math.min(batchSize, 1024));
                }
            }
            if (!pending.isEmpty()) {
                sink.deliver(pending, Checkpoint.NONE);
            }
        }
    }

    /** The record of a parsed line, or null when the line is quarantined instead. */
    private static SourceRecord record(String name, ParsedLine parsed, KeyColumn keys, BatchSink sink) {
        String where = name + ":" + parsed.line();
        if (parsed.isMalformed()) {
            String raw = Json.appendString(new StringBuilder("{\"line\":"), parsed.raw() == null ? "" : parsed.raw())
                    .append('}').toString();
            sink.reject(new Rejection(where, raw, List.of(new Violation(parsed.column(), ReasonCode.MALFORMED_RECORD,
                    "line " + parsed.line() + ": " + parsed.problem()))));
            return null;
        }
        Object[] values = keys.values(parsed.values(), where);
        String key = keys.key(values, where);
        SourceRecord record = new SourceRecord(key == null ? where : key, keys.layout(), values);
        if (key == null) {
            sink.reject(new Rejection(where, record.rawForm(), List.of(new Violation(keys.column(),
                    ReasonCode.MISSING_REQUIRED, where + ": the source key column " + keys.column() + " is blank"))));
            return null;
        }
        return record;
    }
}
