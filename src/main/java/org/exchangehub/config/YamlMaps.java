package org.exchangehub.config;

import java.util.Map;

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
}
