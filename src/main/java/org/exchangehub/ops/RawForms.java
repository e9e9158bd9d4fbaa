package org.exchangehub.ops;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads a quarantined record's raw form back: the JSON object of column to text that
 * {@link org.exchangehub.feed.SourceRecord#rawForm()} wrote, in column order. A raw form that is not such an
 * object (e.g. a malformed line kept as it was) has no columns.
 */
final class RawForms {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawForms() {
    }

    /** The columns and their texts, in order, or null when the raw form is not a JSON object of texts. */
    static Map<String, String> columns(String rawForm) {
        if (rawForm == null || !rawForm.startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(rawForm);
            if (!node.isObject()) {
                return null;
            }
            Map<String, String> columns = new LinkedHashMap<>();
            var fields = node.fields();
            while (fields.hasNext()) {
                var e = fields.next();
                JsonNode v = e.getValue();
                if (!v.isNull() && !v.isValueNode()) {
                    return null;
                }
                columns.put(e.getKey(), v.isNull() ? null : v.asText());
            }
            return columns;
        } catch (IOException e) {
            return null;
        }
    }
}
