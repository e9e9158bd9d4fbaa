package org.exchangehub.source.jdbc;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the duration options ({@code lookBack}, {@code delay}, {@code initialDelay}) strictly: 60s, 15m, 1h30m,
 * 2d, ISO-8601 (PT5M) or plain milliseconds. Camel's own {@code TimeUtils} reads PT5M, "five" and -5m all as 0,
 * which would silently turn a look-back window off or make a feed poll without pause.
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|d|h|m|s)");
    private static final Pattern UNITS = Pattern.compile("(\\d+(ms|d|h|m|s))+");
    private static final Pattern MILLIS = Pattern.compile("\\d+");

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException naming the option and the accepted forms, for anything else or a negative value
     */
    public static Duration parse(String table, String option, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        Duration d = null;
        try {
            if (MILLIS.matcher(t).matches()) {
                d = Duration.ofMillis(Long.parseLong(t));
            } else if (UNITS.matcher(t).matches()) {
                d = Duration.ZERO;
                Matcher m = PART.matcher(t);
                while (m.find()) {
                    long n = Long.parseLong(m.group(1));
                    d = d.plus(switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
                }
            } else if (t.startsWith("p")) {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            d = null;
        }
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("jdbc-incremental:" + table + ": option " + option + " = '" + text
                    + "' is not a duration; write e.g. 30s, 5m, 1h, 1h30m or PT5M (plain digits are milliseconds)");
        }
        return d;
    }
}
