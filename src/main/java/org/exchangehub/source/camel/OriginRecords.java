package org.exchangehub.source.camel;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.Checkpoint;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.Violation;
import org.exchangehub.source.file.StreamedRecords;

/**
 * Reads one origin exchange's body into records for a run, streamed: file formats through the drop source's
 * readers, JSON arrays and camel-jdbc's rows as column-to-value maps.
 */
@FunctionalInterface
interface OriginRecords {

    ObjectMapper JSON = new ObjectMapper();

    /**
     * @param name the body's name in source keys (the CamelFileName header, or the feed id)
     */
    void read(String name, Exchange exchange, BatchSink sink) throws Exception;

    static OriginRecords streamed(StreamedRecords format, int batchSize) {
        return (name, exchange, sink) -> {
            try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class)) {
                format.read(name, in, batchSize, sink);
            }
        };
    }

    static OriginRecords json(String keyColumn, int batchSize) {
        return (name, exchange, sink) -> {
            try (InputStream in = exchange.getIn().getMandatoryBody(InputStream.class);
                 MappingIterator<Map<String, Object>> objects = JSON.readerForMapOf(Object.class).readValues(in)) {
                new Rows(name, keyColumn, batchSize, sink).readAll(objects);
            }
        };
    }

    @SuppressWarnings("unchecked")
    static OriginRecords rows(String keyColumn, int batchSize) {
        return (name, exchange, sink) -> {
            Object body = exchange.getIn().getBody();
            Iterator<?> rows;
            if (body instanceof Map<?, ?> one) {
                rows = List.of(one).iterator();
            } else if (body instanceof Iterable<?> all) {
                rows = all.iterator();
            } else if (body instanceof Iterator<?> streamed) {
                rows = streamed; // camel-jdbc outputType=StreamList
            } else {
                throw new InvalidPayloadException(exchange, List.class);
            }
            new Rows(name, keyColumn, batchSize, sink).readAll((Iterator<Map<String, Object>>) rows);
        };
    }

    /** Column-to-value maps into records: the first map's columns are the run's layout. */
    final class Rows {

        private final String name;
        private final String keyColumn;
        private final int batchSize;
        private final BatchSink sink;
        private SourceLayout layout;
        private long n;

        Rows(String name, String keyColumn, int batchSize, BatchSink sink) {
            this.name = name;
            this.keyColumn = keyColumn;
            this.batchSize = batchSize;
            this.sink = sink;
        }

        void readAll(Iterator<? extends Map<String, Object>> rows) throws IOException {
            List<SourceRecord> pending = new ArrayList<>();
            while (rows.hasNext()) {
                SourceRecord record = record(rows.next());
                if (record != null) {
                    pending.add(record);
                }
                if (pending.size() == batchSize) {
                    sink.deliver(pending, Checkpoint.NONE);
                    pending = new ArrayList<>();
                }
            }
            if (!pending.isEmpty()) {
                sink.deliver(pending, Checkpoint.NONE);
            }
        }

        private SourceRecord record(Map<String, Object> row) throws IOException {
            n++;
            if (layout == null) {
                layout = new SourceLayout(List.copyOf(row.keySet()));
                if (keyColumn != null && layout.indexOf(keyColumn) < 0) {
                    throw new IOException(name + " has no column " + keyColumn + " (option sourceKey); its columns are "
                            + layout.columns());
                }
            }
            Object[] values = new Object[layout.size()];
            for (Map.Entry<String, Object> e : row.entrySet()) {
                int i = layout.indexOf(e.getKey());
                if (i >= 0) {
                    Object v = e.getValue();
                    values[i] = v instanceof Map<?, ?> || v instanceof List<?> ? JSON.writeValueAsString(v) : v;
                }
            }
            String where = name + ":" + n;
            if (keyColumn == null) {
                return new SourceRecord(where, layout, values);
            }
            Object key = values[layout.indexOf(keyColumn)];
            SourceRecord record = new SourceRecord(key == null ? where : key.toString().trim(), layout, values);
            if (key == null || key.toString().isBlank()) {
                sink.reject(new Rejection(where, record.rawForm(), List.of(new Violation(keyColumn,
                        ReasonCode.MISSING_REQUIRED, where + ": the source key column " + keyColumn + " is blank"))));
                return null;
            }
            return record;
        }
    }
}
