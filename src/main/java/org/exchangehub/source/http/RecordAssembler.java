package org.exchangehub.source.http;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.Violation;

/**
 * Builds the source records of a service pull's pages from named values, whatever the wire format. With
 * declared fields the layout is fixed and other fields are ignored; otherwise it is every field seen so far in
 * the run, in order of first appearance (a record keeps the layout current when it was read). It also picks the
 * record's key and change time and skips records already delivered inside the look-back window.
 */
final class RecordAssembler {

    private final List<String> columns = new ArrayList<>();
    private final Map<String, Integer> index = new HashMap<>();
    private final boolean fixed;
    private final String keyField;
    private final Increment increment;
    private SourceLayout layout;

    private List<SourceRecord> records;
    private List<String> keys;
    private List<LocalDateTime> times;
    private List<Rejection> rejections;

    RecordAssembler(List<String> fields, String keyField, Increment increment) {
        this.fixed = !fields.isEmpty();
        for (String f : fields) {
            if (!index.containsKey(f)) {
                index.put(f, columns.size());
                columns.add(f);
            }
        }
        this.keyField = keyField == null || keyField.isBlank() ? null : keyField.trim();
        this.increment = increment;
        this.layout = new SourceLayout(columns);
        startPage();
    }

    /** Empty values for a new record. */
    Object[] values() {
        return new Object[columns.size()];
    }

    /** Sets a field of a record, growing the layout for a new field; returns the (possibly longer) values. */
    Object[] put(Object[] values, String name, Object value) {
        Integer at = index.get(name);
        if (at == null) {
            if (fixed) {
                return values;
            }
            at = columns.size();
            columns.add(name);
            index.put(name, at);
            layout = new SourceLayout(columns);
        }
        if (values.length <= at) {
            values = Arrays.copyOf(values, columns.size());
        }
        values[at] = value;
        return values;
    }

    /** Adds a finished record to the page, unless it was delivered before. */
    void add(Object[] values, String fallbackKey) {
        if (values.length < columns.size()) {
            values = Arrays.copyOf(values, columns.size());
        }
        String key = keyField == null ? null : text(values, keyField);
        key = key == null ? fallbackKey : key;
        LocalDateTime changed = null;
        String changeField = increment.changeField();
        Integer at = changeField == null ? null : index.get(changeField);
        if (at != null) {
            changed = increment.parse(values[at]);
            if (changed != null) {
                values[at] = changed;
            }
        }
        if (!increment.accept(key, changed)) {
            return;
        }
        records.add(new SourceRecord(key, layout, values));
        keys.add(key);
        times.add(changed);
    }

    /** An element that is not a record at all. */
    void malformed(String sourceKey, String rawForm, String detail) {
        rejections.add(new Rejection(sourceKey, rawForm, List.of(new Violation("record", ReasonCode.MALFORMED_RECORD,
                detail))));
    }

    /** The page built since the last call, and a fresh start for the next. */
    PageRecords finishPage() {
        PageRecords page = new PageRecords(records, keys, times, rejections);
        startPage();
        return page;
    }

    private void startPage() {
        records = new ArrayList<>();
        keys = new ArrayList<>();
        times = new ArrayList<>();
        rejections = new ArrayList<>();
    }

    private String text(Object[] values, String field) {
        Integer at = index.get(field);
        Object v = at == null ? null : values[at];
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }
}
