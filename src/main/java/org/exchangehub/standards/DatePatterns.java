package org.exchangehub.standards;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * A date parser for one mapping field: the mapping's own patterns (compiled once, strict, tried first so that
 * e.g. {@code ddMMyyyy} is not misread as {@code yyyyMMdd}), then the standard forms of {@link Dates}.
 */
public final class DatePatterns {

    private static final DatePatterns STANDARD = new DatePatterns(List.of(), List.of());
    private static final LocalDateTime SAMPLE = LocalDateTime.of(2001, 2, 3, 4, 5, 6);

    private final List<String> patterns;
    private final DateTimeFormatter[] formatters;
    /** Patterns that are exactly eight digits {@code yyyyMMdd}: parsed by hand, the same result without java.time's parser. */
    private final boolean[] compact;

    private DatePatterns(List<String> patterns, List<DateTimeFormatter> formatters) {
        this.patterns = List.copyOf(patterns);
        this.formatters = formatters.toArray(new DateTimeFormatter[0]);
        this.compact = new boolean[this.formatters.length];
        for (int i = 0; i < compact.length; i++) {
            compact[i] = "yyyyMMdd".equals(patterns.get(i)) || "uuuuMMdd".equals(patterns.get(i));
        }
    }

    /** Only the standard forms. */
    public static DatePatterns standard() {
        return STANDARD;
    }

    /**
     * The given {@link DateTimeFormatter} patterns plus the standard forms.
     *
     * @throws IllegalArgumentException naming the pattern when one is invalid or does not give a whole date
     */
    public static DatePatterns of(List<String> patterns) {
        if (patterns.isEmpty()) {
            return STANDARD;
        }
        List<DateTimeFormatter> fs = new ArrayList<>();
        for (String p : patterns) {
            fs.add(compile(p));
        }
        return new DatePatterns(patterns, fs);
    }

    public List<String> patterns() {
        return patterns;
    }

    /** The date, or null when no pattern matches the whole text or the date is not a real calendar date. */
    public LocalDate parse(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < formatters.length; i++) {
            DateTimeFormatter f = formatters[i];
            if (compact[i]) {
                if (!eightDigits(s)) {
                    continue;
                }
                try {
                    return LocalDate.of(digits(s, 0, 4), digits(s, 4, 6), digits(s, 6, 8));
                } catch (DateTimeException e) {
                    return null; // the pattern fits but the date is not real
                }
            }
            ParsePosition pos = new ParsePosition(0);
            TemporalAccessor unresolved = f.parseUnresolved(s, pos);
            if (unresolved == null || pos.getErrorIndex() >= 0 || pos.getIndex() != s.length()) {
                continue;
            }
            try {
                return f.parse(s, LocalDate::from);
            } catch (DateTimeException e) {
                return null; // the pattern fits but the date is not real
            }
        }
        return Dates.parse(s);
    }

    private static boolean eightDigits(String s) {
        if (s.length() != 8) {
            return false;
        }
        for (int i = 0; i < 8; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    private static DateTimeFormatter compile(String pattern) {
        DateTimeFormatter f;
        try {
            f = DateTimeFormatter.ofPattern(strictYear(pattern)).withResolverStyle(ResolverStyle.STRICT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + pattern + "' is not a valid date pattern: " + e.getMessage(), e);
        }
        try {
            String text = f.format(SAMPLE);
            if (!SAMPLE.toLocalDate().equals(f.parse(text, LocalDate::from))) {
                throw new DateTimeException("round trip differs");
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + pattern + "' does not give a whole date (year, month and day)",
                    e);
        }
        return f;
    }

    /** STRICT resolution needs year-of-era with an era; 'u' (proleptic year) is what people mean by 'y'. */
    private static String strictYear(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length());
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            }
            sb.append(!quoted && c == 'y' ? 'u' : c);
        }
        return sb.toString();
    }
}
