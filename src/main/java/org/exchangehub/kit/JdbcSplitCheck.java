package org.exchangehub.kit;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.exchangehub.config.ConfigException;

/**
 * The split options of a {@code jdbc-incremental-source} feed, checked before the hub starts: {@code splitColumn}
 * and {@code splitChunks} go together, the column is a plain name, the counts are whole numbers in range. The
 * column's type and NULLs are checked by the first run, against the table's metadata.
 */
final class JdbcSplitCheck {

    private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final int MAX_CHUNKS = 10_000;
    private static final int MAX_THREADS = 64;

    private JdbcSplitCheck() {
    }

    static void check(String where, Map<String, String> keys, Map<String, String> params,
            List<ConfigException> problems) {
        String column = literal(params.get("splitColumn"));
        String chunks = literal(params.get("splitChunks"));
        String threads = literal(params.get("splitThreads"));
        if (column != null && !column.isBlank() && !COLUMN.matcher(column.trim()).matches()) {
            problems.add(new ConfigException(where, keys.get("splitColumn"), column, "not a plain column name",
                    "name one integer column of the table (letters, digits, _ and $), e.g. the key: splitColumn: ID"));
        }
        Integer n = chunks == null ? null : whole(where, keys.get("splitChunks"), chunks, 0, MAX_CHUNKS, problems);
        boolean hasColumn = column != null && !column.isBlank();
        if (hasColumn && (n == null || n == 0) && !placeholder(params.get("splitChunks"))) {
            problems.add(new ConfigException(where, keys.get("splitColumn"), column, "splitColumn needs splitChunks",
                    "add splitChunks: how many key ranges to cut the load into (at least 1, e.g. 4)"));
        }
        if (!hasColumn && n != null && n > 0 && !placeholder(params.get("splitColumn"))) {
            problems.add(new ConfigException(where, keys.get("splitChunks"), chunks, "splitChunks needs splitColumn",
                    "add splitColumn: the integer column to cut the load by, e.g. the key (splitColumn: ID)"));
        }
        if (threads != null) {
            whole(where, keys.get("splitThreads"), threads, 1, MAX_THREADS, problems);
        }
    }

    /** The value unless it is a placeholder, resolved only at start-up. */
    private static String literal(String value) {
        return value == null || placeholder(value) ? null : value;
    }

    private static boolean placeholder(String value) {
        return value != null && value.contains("{{");
    }

    private static Integer whole(String where, String key, String value, int min, int max,
            List<ConfigException> problems) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new ConfigException(where, key, value, "not a whole number from " + min + " to " + max,
                "write a whole number, e.g. " + (min == 0 ? "4" : "2")));
        return null;
    }
}
