package org.exchangehub.source.http;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A dotted path into a JSON document ({@code data.items}, {@code $.meta.next}), compiled once per endpoint. An
 * empty path (or {@code $}) is the document itself. Enough for where services put records, totals, cursors
 * and links; no wildcards or filters.
 */
final class JsonPath {

    private static final Pattern DOT = Pattern.compile("\\.");

    private final String text;
    private final String[] steps;

    private JsonPath(String text, String[] steps) {
        this.text = text;
        this.steps = steps;
    }

    static JsonPath of(String path) {
        String p = path == null ? "" : path.trim();
        if (p.startsWith("$")) {
            p = p.substring(1);
        }
        if (p.startsWith(".")) {
            p = p.substring(1);
        }
        String[] steps = p.isEmpty() ? new String[0] : DOT.split(p);
        for (String s : steps) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("'" + path + "' has an empty step; write e.g. data.items");
            }
        }
        return new JsonPath(path == null ? "" : path, steps);
    }

    boolean isEmpty() {
        return steps.length == 0;
    }

    /** The node at the path, or a missing node. Array steps may be given as indexes ({@code items.0.id}). */
    JsonNode find(JsonNode root) {
        JsonNode n = root;
        for (String s : steps) {
            if (n == null || n.isMissingNode() || n.isNull()) {
                return MissingNode.getInstance();
            }
            n = n.isArray() && s.chars().allMatch(Character::isDigit) ? n.path(Integer.parseInt(s)) : n.path(s);
        }
        return n;
    }

    /** The text at the path, or null when it is missing, null or blank. */
    String text(JsonNode root) {
        JsonNode n = find(root);
        if (n.isMissingNode() || n.isNull()) {
            return null;
        }
        String t = n.isValueNode() ? n.asText() : n.toString();
        return t.isBlank() ? null : t;
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "$" : text;
    }
}
