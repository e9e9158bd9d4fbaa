package org.exchangehub.kit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The column names departments use ({@code config/glossary.yaml}): which dataset field a column likely feeds,
 * which column holds the change time and which the record's key. Kept as data so that an engineer adds a
 * department's own names without touching code. Names match ignoring case, spaces, {@code _ - .}; an entry with
 * {@code *} is a pattern.
 */
final class Glossary {

    static final String FILE = "glossary.yaml";

    private final Map<String, List<Pattern>> fields;
    private final List<Pattern> changeTime;
    private final List<Pattern> key;

    private Glossary(Map<String, List<Pattern>> fields, List<Pattern> changeTime, List<Pattern> key) {
        this.fields = fields;
        this.changeTime = changeTime;
        this.key = key;
    }

    /** The glossary of a config folder; an empty one when the folder has none (guesses by field names only). */
    static Glossary load(Path configDir) {
        Path file = configDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new Glossary(Map.of(), List.of(), List.of());
        }
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ": expected the keys fields, change_time and key");
        }
        Map<String, List<Pattern>> fields = new LinkedHashMap<>();
        if (map.get("fields") instanceof Map<?, ?> f) {
            f.forEach((field, names) -> fields.put(String.valueOf(field), patterns(file, "fields." + field, names)));
        }
        return new Glossary(fields, patterns(file, "change_time", map.get("change_time")),
                patterns(file, "key", map.get("key")));
    }

    private static List<Pattern> patterns(Path file, String key, Object names) {
        if (names == null) {
            return List.of();
        }
        if (!(names instanceof List<?> list)) {
            throw new IllegalArgumentException(file + ": " + key + " must be a list of column names, e.g. [xm, 姓名]");
        }
        List<Pattern> out = new ArrayList<>();
        for (Object n : list) {
            String regex = java.util.Arrays.stream(normalise(String.valueOf(n)).split("\\*", -1))
                    .map(Pattern::quote).collect(java.util.stream.Collectors.joining(".*"));
            out.add(Pattern.compile(regex));
        }
        return out;
    }

    /** A name as matched: lower case, without spaces, {@code _ - .}; a dotted name by its last part. */
    static String normalise(String name) {
        String last = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return last.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }

    /** The field the glossary lists the column under, if the dataset has it; else null. */
    String field(java.util.function.Predicate<String> datasetHas, String column) {
        String n = normalise(column);
        for (Map.Entry<String, List<Pattern>> e : fields.entrySet()) {
            if (datasetHas.test(e.getKey()) && matches(e.getValue(), n)) {
                return e.getKey();
            }
        }
        return null;
    }

    boolean isChangeTime(String column) {
        return matches(changeTime, normalise(column));
    }

    boolean isKey(String column) {
        return matches(key, normalise(column));
    }

    private static boolean matches(List<Pattern> patterns, String normalised) {
        return patterns.stream().anyMatch(p -> p.matcher(normalised).matches());
    }
}
