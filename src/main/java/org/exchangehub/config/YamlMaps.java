package org.exchangehub.config;

import java.util.Map;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Reading nested YAML maps at the parsing edge, where an absent or non-map value reads as empty. */
final class YamlMaps {

    private YamlMaps() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> parent, String key) {
        if (parent == null) {
            return Map.of();
        }
        Object v = parent.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The options in an endpoint URI's query ({@code name=value&...}), decoded, in order; empty without one. */
    static Map<String, String> query(String uri) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        int q = uri.indexOf('?');
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    options.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return options;
    }

    /** A file that could not be read or parsed, with the line and column of a syntax error. */
    static ConfigException unreadable(String file, Exception e) {
        if (e instanceof MarkedYAMLException y && y.getProblemMark() != null) {
            Mark mark = y.getProblemMark();
            String context = y.getContext() == null ? "" : y.getContext() + ": ";
            return new ConfigException(file, "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1),
                    null, "not valid YAML: " + context + y.getProblem(),
                    "fix the YAML syntax there (indent with spaces, quote values holding ': ' or '#')");
        }
        return new ConfigException(file, null, null, "cannot be read: " + e.getMessage(),
                "check that the file exists, is readable and is UTF-8 YAML");
    }
}
