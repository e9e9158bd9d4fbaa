package org.exchangehub.source.file;

/**
 * One record of a file as a format read it: values aligned to the file's layout, or, for a line that could
 * not be parsed, what was wrong with it.
 *
 * @param line    the (first) line of the record in the file, 1-based
 * @param values  the values, or null when malformed
 * @param column  the column that was wrong, or {@code line} for the whole line; null when well-formed
 * @param problem what was wrong, without the value itself; null when well-formed
 * @param raw     the line's text as far as it could be decoded, for the quarantine; null when well-formed
 */
record ParsedLine(long line, Object[] values, String column, String problem, String raw) {

    static ParsedLine ok(long line, Object[] values) {
        return new ParsedLine(line, values, null, null, null);
    }

    static ParsedLine malformed(long line, String column, String problem, String raw) {
        return new ParsedLine(line, null, column, problem, raw);
    }

    boolean isMalformed() {
        return values == null;
    }
}
