package org.exchangehub.feed;

import java.util.Objects;

/**
 * One record as the source gave it, before mapping: values aligned to the run's {@link SourceLayout}.
 * Values are whatever the source produced (String, Number, java.time types, null).
 *
 * @param sourceKey the record's key in the source system (primary key, {@code file:line}, element id)
 * @param layout    the column names
 * @param values    the values, aligned to {@code layout}
 */
public record SourceRecord(String sourceKey, SourceLayout layout, Object[] values) {

    public SourceRecord {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(values, "values");
    }

    /** The value of a column (ignoring case), or null when absent. */
    public Object get(String column) {
        int i = layout.indexOf(column);
        return i < 0 ? null : values[i];
    }

    /** The raw form kept with a rejection: a JSON object of column to value as text. */
    public String rawForm() {
        StringBuilder sb = new StringBuilder(64 + values.length * 16).append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Json.appendString(sb, layout.columns().get(i)).append(':');
            if (values[i] == null) {
                sb.append("null");
            } else {
                Json.appendString(sb, values[i].toString());
            }
        }
        return sb.append('}').toString();
    }
}
