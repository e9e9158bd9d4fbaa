package org.exchangehub.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Schema drift: the source's columns (name and type, as the source describes them before a run) against the columns
 * the feed's mapping and source options name, and against the columns the last run saw.
 *
 * <ul>
 *   <li>a column the mapping or an option reads that is gone, or a mapped column whose type changed since the last
 *       run, stops the run ({@link SourceSchemaChangedException}) with the column, the mapping file and the fix;</li>
 *   <li>a column that is new since the last run and that nothing reads is reported once and changes nothing.</li>
 * </ul>
 * Names compare ignoring case, as the sources match them.
 */
public final class SourceSchemaCheck {

    private SourceSchemaCheck() {
    }

    /**
     * What changed that does not stop the run.
     *
     * @param added   columns new since the last run that nothing reads, with their types
     * @param dropped columns gone since the last run that nothing read
     * @param retyped columns nothing reads whose type changed, as {@code COLUMN (OLD -> NEW)}
     */
    public record Drift(Map<String, String> added, List<String> dropped, List<String> retyped) {

        public boolean isEmpty() {
            return added.isEmpty() && dropped.isEmpty() && retyped.isEmpty();
        }

        /** One line for the run log and the exchange log: names and types only. */
        public String describe(String source, MappedColumns mapped) {
            List<String> parts = new ArrayList<>();
            if (!added.isEmpty()) {
                List<String> cols = new ArrayList<>();
                added.forEach((c, t) -> cols.add(c + " (" + t + ")"));
                parts.add("new column(s) " + String.join(", ", cols) + " in " + source + ", not mapped"
                        + (mapped == null ? "" : " by " + mapped.file()) + "; nothing changes (map them to use them)");
            }
            if (!dropped.isEmpty()) {
                parts.add("column(s) " + String.join(", ", dropped) + " no longer in " + source + " (not mapped)");
            }
            if (!retyped.isEmpty()) {
                parts.add("column(s) " + String.join(", ", retyped) + " of " + source + " changed type (not mapped)");
            }
            return "source schema: " + String.join("; ", parts);
        }
    }

    /**
     * @param feedId   the feed, for messages
     * @param source   what the columns belong to, e.g. {@code table T_QYDJ}
     * @param columns  the source's columns now, name to type, in the source's order
     * @param previous the columns the last run saw (empty before the first)
     * @param mapped   the columns the feed's mapping reads, or null when the feed maps nothing
     * @param options  columns the source's own options name (option to column, e.g. keyColumn to ID)
     * @throws SourceSchemaChangedException when a column that is read is gone or a mapped column changed type
     */
    public static Drift compare(String feedId, String source, Map<String, String> columns,
            Map<String, String> previous, MappedColumns mapped, Map<String, String> options) {
        Map<String, String> now = folded(columns);
        Map<String, String> before = folded(previous);
        Map<String, String> read = new LinkedHashMap<>(); // folded column -> who reads it
        Map<String, String> named = new LinkedHashMap<>(); // folded column -> the name as written
        if (mapped != null) {
            mapped.fieldByColumn().forEach((c, f) -> {
                read.merge(fold(c), "mapping " + mapped.mapping() + " fills " + f + " from it", (a, b) -> a + "; " + b);
                named.putIfAbsent(fold(c), c);
            });
        }
        options.forEach((option, c) -> {
            if (c != null && !c.isBlank()) {
                read.merge(fold(c), "the source's option " + option + " names it", (a, b) -> a + "; " + b);
                named.putIfAbsent(fold(c), c.strip());
            }
        });
        List<String> problems = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (var e : read.entrySet()) {
            String column = named.get(e.getKey());
            if (!now.containsKey(e.getKey())) {
                problems.add("column " + column + " is no longer in " + source + " (" + e.getValue() + ")");
                gone.add(column);
            } else if (before.containsKey(e.getKey()) && !sameType(before.get(e.getKey()), now.get(e.getKey()))) {
                problems.add("column " + column + " of " + source + " changed type from " + before.get(e.getKey())
                        + " to " + now.get(e.getKey()) + " since the last run (" + e.getValue() + ")");
                changed.add(column + " (now " + now.get(e.getKey()) + ")");
            }
        }
        if (!problems.isEmpty()) {
            String file = mapped == null ? "the feed's route" : mapped.file();
            List<String> fixes = new ArrayList<>();
            if (!gone.isEmpty()) {
                fixes.add("in " + file + " map the field from the column that replaced " + String.join(", ", gone)
                        + " (" + source + " now has " + columns.keySet() + "), or have the department restore it; then"
                        + " reload the mappings and run the feed again");
            }
            if (!changed.isEmpty()) {
                fixes.add("check that " + file + " reads the new values of " + String.join(", ", changed)
                        + ": formats, unit, codes; then accept the new type with the feed's JMX operation"
                        + " acceptSourceSchema and run the feed again");
            }
            throw new SourceSchemaChangedException("Source schema changed for feed " + feedId + ": "
                    + String.join("; ", problems) + ". The run stopped before reading; nothing was delivered and the"
                    + " watermark is kept. Fix: " + String.join("; ", fixes) + ".");
        }
        Map<String, String> added = new LinkedHashMap<>();
        List<String> retyped = new ArrayList<>();
        if (!before.isEmpty()) {
            columns.forEach((c, t) -> {
                String k = fold(c);
                if (read.containsKey(k)) {
                    return;
                }
                if (!before.containsKey(k)) {
                    added.put(c, t);
                } else if (!sameType(before.get(k), t)) {
                    retyped.add(c + " (" + before.get(k) + " -> " + t + ")");
                }
            });
        }
        List<String> dropped = new ArrayList<>();
        previous.keySet().forEach(c -> {
            if (!now.containsKey(fold(c)) && !read.containsKey(fold(c))) {
                dropped.add(c);
            }
        });
        return new Drift(added, dropped, retyped);
    }

    private static boolean sameType(String a, String b) {
        return Objects.equals(a == null ? null : a.toUpperCase(Locale.ROOT), b == null ? null : b.toUpperCase(Locale.ROOT));
    }

    private static Map<String, String> folded(Map<String, String> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        columns.forEach((c, t) -> out.put(fold(c), t));
        return out;
    }

    private static String fold(String column) {
        return column.strip().toUpperCase(Locale.ROOT);
    }
}
