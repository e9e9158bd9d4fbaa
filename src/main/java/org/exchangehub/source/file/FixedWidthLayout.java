package org.exchangehub.source.file;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.exchangehub.config.ConfigException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A fixed-width record layout (a file under {@code config/layouts/}): each field's name, first byte (1-based,
 * as in the department's record description) and width in BYTES of the file's charset, where a Chinese
 * character takes two bytes in GBK and two or four in GB18030.
 *
 * @param fields        the fields in file order
 * @param recordLength  the exact byte length of a line, or 0 for "at least up to the last field's end"
 * @param cutCharacters what to do with a character that a field boundary cuts in two
 */
record FixedWidthLayout(List<Field> fields, int recordLength, CutCharacters cutCharacters) {

    /** A field: 0-based byte offset and width in bytes. */
    record Field(String name, int offset, int width) {
    }

    /**
     * A field boundary that falls inside a multi-byte character means the exporter cut a value, or the layout is
     * wrong. {@code REJECT} (the default) quarantines the record as {@code MALFORMED_RECORD} naming the field;
     * {@code DROP} keeps the field's whole characters and drops the cut one (for free-text fields such as
     * addresses that exporters routinely cut). Either way the next field starts at its own offset.
     */
    enum CutCharacters { REJECT, DROP }

    /** The bytes a line must at least have. */
    int minLength() {
        int end = 0;
        for (Field f : fields) {
            end = Math.max(end, f.offset() + f.width());
        }
        return end;
    }

    List<String> names() {
        return fields.stream().map(Field::name).toList();
    }

    /** Reads and checks a layout file; every problem is a {@link ConfigException} naming the file and key. */
    static FixedWidthLayout load(Path file) {
        String where = file.toString();
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException e) {
            throw new ConfigException(where, null, null, "cannot read the layout file: " + e.getMessage(),
                    "check the layout option of the feed's route (a path such as config/layouts/NAME.yaml)");
        } catch (RuntimeException e) {
            throw new ConfigException(where, null, null, "not readable YAML: " + e.getMessage(), "fix the YAML syntax");
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("fields") instanceof List<?> list) || list.isEmpty()) {
            throw new ConfigException(where, "fields", null, "a layout needs a non-empty list 'fields'",
                    "write fields: [ { name: XM, start: 1, length: 20 }, ... ]");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int previousEnd = 0;
        for (int i = 0; i < list.size(); i++) {
            String key = "fields[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> f)) {
                throw new ConfigException(where, key, String.valueOf(list.get(i)), "a field must be a map",
                        "write { name: XM, start: 1, length: 20 }");
            }
            String name = f.get("name") instanceof String s && !s.isBlank() ? s.strip() : null;
            if (name == null) {
                throw new ConfigException(where, key + ".name", String.valueOf(f.get("name")), "missing field name",
                        "give each field the column name the mapping uses");
            }
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                throw new ConfigException(where, key + ".name", name, "the same name is used twice", "rename one");
            }
            int start = positive(where, key + ".start", f.get("start"));
            int length = positive(where, key + ".length", f.get("length"));
            if (start - 1 < previousEnd) {
                throw new ConfigException(where, key + ".start", String.valueOf(start),
                        "overlaps the previous field (which ends at byte " + previousEnd + ")",
                        "list fields in file order with start = previous start + previous length");
            }
            previousEnd = start - 1 + length;
            fields.add(new Field(name, start - 1, length));
        }
        int recordLength = map.get("record_length") == null ? 0 : positive(where, "record_length", map.get("record_length"));
        if (recordLength > 0 && recordLength < previousEnd) {
            throw new ConfigException(where, "record_length", String.valueOf(recordLength),
                    "shorter than the last field's end (" + previousEnd + ")", "set it to at least " + previousEnd);
        }
        CutCharacters cut = CutCharacters.REJECT;
        Object c = map.get("cut_characters");
        if (c != null) {
            try {
                cut = CutCharacters.valueOf(c.toString().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(where, "cut_characters", c.toString(), "unknown rule",
                        "use reject (quarantine the record) or drop (drop the cut character)");
            }
        }
        return new FixedWidthLayout(List.copyOf(fields), recordLength, cut);
    }

    private static int positive(String where, String key, Object value) {
        if (value instanceof Integer n && n > 0) {
            return n;
        }
        throw new ConfigException(where, key, String.valueOf(value), "must be a positive whole number of bytes",
                "count bytes in the file's charset: a Chinese character is 2 bytes in GBK");
    }
}
