package org.exchangehub.source.http;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns the JSON objects of a REST page into source records: nested objects are flattened to dotted names
 * ({@code address.city}), arrays stay JSON text, numbers stay numbers. An element that is not an object is a
 * {@code MALFORMED_RECORD} rejection.
 */
final class JsonRecords {

    private final RecordAssembler assembler;

    JsonRecords(RecordAssembler assembler) {
        this.assembler = assembler;
    }

    PageRecords convert(JsonNode items, int page) {
        int position = 0;
        for (JsonNode item : items) {
            position++;
            String fallbackKey = "page " + page + " #" + position;
            if (!item.isObject()) {
                assembler.malformed(fallbackKey, item.toString(), "a " + item.getNodeType().name().toLowerCase()
                        + " where a JSON object was expected");
                continue;
            }
            assembler.add(flatten(item, "", assembler.values()), fallbackKey);
        }
        return assembler.finishPage();
    }

    private Object[] flatten(JsonNode object, String prefix, Object[] values) {
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            String name = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
            JsonNode v = f.getValue();
            values = v.isObject() ? flatten(v, name, values) : assembler.put(values, name, value(v));
        }
        return values;
    }

    private static Object value(JsonNode v) {
        if (v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber()) {
            return v.canConvertToLong() ? (Object) v.longValue() : v.bigIntegerValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        return v.toString(); // arrays stay JSON text
    }
}
