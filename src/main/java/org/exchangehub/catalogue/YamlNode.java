package org.exchangehub.catalogue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exchangehub.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * One YAML mapping of a configuration file with its key path: the parsing edge where untyped maps become typed
 * values, and every problem becomes a {@link ConfigException} naming file, key and value. Duplicate keys are
 * errors, not silently last-one-wins.
 */
public final class YamlNode {

    private final String file;
    private final String path;
    private final Map<String, Object> map;

    private YamlNode(String file, String path, Map<String, Object> map) {
        this.file = file;
        this.path = path;
        this.map = map;
    }

    /** Parses a file whose top level must be a mapping. */
    public static YamlNode read(Path file) {
        String name = file.toString();
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(options)).load(r);
        } catch (IOException e) {
            throw new ConfigException(name, null, null, "cannot be read: " + e.getMessage(),
                    "check that the file exists and is readable UTF-8");
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() == null ? "" : " at line " + (e.getProblemMark().getLine() + 1);
            throw new ConfigException(name, null, null, "is not valid YAML" + where + ": " + e.getProblem()
                    + (e.getContext() == null ? "" : " (" + e.getContext() + ")"),
                    "correct the YAML syntax; each key may appear only once per mapping");
        } catch (YAMLException e) {
            throw new ConfigException(name, null, null, "is not valid YAML: " + e.getMessage(),
                    "correct the YAML syntax");
        }
        if (!(root instanceof Map<?, ?> m)) {
            throw new ConfigException(name, null, null, "must be a YAML mapping of keys to values",
                    "start the file with the top-level keys, e.g. 'dataset: person'");
        }
        return new YamlNode(name, "", asStringKeys(m));
    }

    public String file() {
        return file;
    }

    /** The full key of a child, e.g. {@code fields.id_number.rule}. */
    public String key(String child) {
        return path.isEmpty() ? child : path + "." + child;
    }

    /** The keys present, in file order. */
    public Set<String> keys() {
        return map.keySet();
    }

    public boolean has(String key) {
        return map.containsKey(key) && map.get(key) != null;
    }

    public ConfigException error(String key, Object value, String problem, String fix) {
        return new ConfigException(file, key == null ? (path.isEmpty() ? null : path) : key(key),
                value == null ? null : String.valueOf(value), problem, fix);
    }

    /** Rejects any key outside {@code allowed}. */
    public void allowOnly(Set<String> allowed, String what) {
        for (String k : map.keySet()) {
            if (!allowed.contains(k)) {
                throw error(k, null, "is not a key of " + what,
                        "use only " + String.join(", ", allowed) + " (check the spelling)");
            }
        }
    }

    /** A scalar as text, or null when absent. */
    public String string(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw error(key, null, "must be a single value, not a list or mapping", "write it as 'key: value'");
        }
        return String.valueOf(v);
    }

    public String requiredString(String key, String fix) {
        String v = string(key);
        if (v == null || v.isBlank()) {
            throw error(key, null, "is missing", fix);
        }
        return v.trim();
    }

    public int integer(String key, int dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Integer i) || i < 0) {
            throw error(key, v, "must be a whole number, 0 or more", "write a number such as 18");
        }
        return i;
    }

    public boolean bool(String key, boolean dflt) {
        Object v = map.get(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Boolean b)) {
            throw error(key, v, "must be true or false", "write true or false");
        }
        return b;
    }

    /** A nested mapping, or null when absent. */
    public YamlNode child(String key) {
        Object v = map.get(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw error(key, v, "must be a mapping of keys to values", "indent the entries below '" + key + ":'");
        }
        return new YamlNode(file, key(key), asStringKeys(m));
    }

    /** A list of scalars (a single scalar counts as a one-element list), or an empty list when absent. */
    public List<String> stringList(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        List<?> raw = v instanceof List<?> l ? l : List.of(v);
        List<String> out = new ArrayList<>(raw.size());
        for (Object o : raw) {
            if (o == null || o instanceof Map || o instanceof List) {
                throw error(key, o, "must be a list of values", "write it as [a, b]");
            }
            out.add(String.valueOf(o));
        }
        return out;
    }

    /** A mapping of text to text, in file order; keys must be written as strings (quote codes like "01"). */
    public Map<String, String> stringMap(String key) {
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw error(key, v, "must be a mapping of codes", "write it as { \"01\": \"1\" }");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k)) {
                throw error(key, e.getKey(), "has a key that YAML read as a " + typeName(e.getKey())
                        + ", so leading zeros or the exact spelling may be lost",
                        "quote every code, e.g. \"01\": \"1\"");
            }
            Object val = e.getValue();
            if (val == null || val instanceof Map || val instanceof List) {
                throw error(key + "." + k, val, "must be a single value", "write it as \"" + k + "\": \"1\"");
            }
            out.put(k, String.valueOf(val));
        }
        return out;
    }

    private static String typeName(Object o) {
        return o == null ? "null" : o instanceof Number ? "number" : o instanceof Boolean ? "boolean"
                : o.getClass().getSimpleName();
    }

    private static Map<String, Object> asStringKeys(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.put(String.valueOf(e.getKey()), e.getValue());
        }
        return out;
    }
}
