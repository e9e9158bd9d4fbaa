package org.exchangehub.standards;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Parses the date forms every source may use without configuration: {@code yyyyMMdd}, {@code yyyy-MM-dd},
 * {@code yyyy/M/d}, {@code yyyy.M.d} and {@code yyyy年M月d日}, optionally followed by a time of day, which is
 * ignored. Hand-written so that the hot path creates no formatter and throws no exception; a mapping's own
 * patterns go through {@link DatePatterns}.
 */
public final class Dates {

    private Dates() {
    }

    /** The date, or null when the text is not one of the standard forms or not a real calendar date. */
    public static LocalDate parse(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (n < 8 || !digits(s, 0, 4)) {
            return null;
        }
        int year = IdNumbers.num(fold(s), 0, 4);
        char sep = Text.halfWidth(s.charAt(4));
        if (sep >= '0' && sep <= '9') {
            if (!digits(s, 0, 8) || !timeOrEnd(s, 8)) {
                return null;
            }
            String f = fold(s);
            return date(year, IdNumbers.num(f, 4, 2), IdNumbers.num(f, 6, 2));
        }
        boolean chinese = sep == '年';
        if (!chinese && sep != '-' && sep != '/' && sep != '.') {
            return null;
        }
        int[] pos = {skipSpaces(s, 5)};
        int month = number(s, pos);
        pos[0] = skipSpaces(s, pos[0]);
        char sep2 = chinese ? '月' : sep;
        if (month < 0 || pos[0] >= n || Text.halfWidth(s.charAt(pos[0])) != sep2) {
            return null;
        }
        pos[0] = skipSpaces(s, pos[0] + 1);
        int day = number(s, pos);
        if (day < 0) {
            return null;
        }
        int end = pos[0];
        if (chinese) {
            end = skipSpaces(s, end);
            if (end >= n || s.charAt(end) != '日') {
                return null;
            }
            end++;
        }
        return timeOrEnd(s, end) ? date(year, month, day) : null;
    }

    private static LocalDate date(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** One or two digits at pos[0]; advances pos; -1 when there is none. */
    private static int number(String s, int[] pos) {
        int v = 0;
        int i = pos[0];
        int start = i;
        while (i < s.length() && i - start < 2) {
            char c = Text.halfWidth(s.charAt(i));
            if (c < '0' || c > '9') {
                break;
            }
            v = v * 10 + (c - '0');
            i++;
        }
        pos[0] = i;
        return i == start ? -1 : v;
    }

    /** The text ends at {@code i}, or continues with a space or T and a time made of digits, ':' and '.'. */
    private static boolean timeOrEnd(String s, int i) {
        if (i == s.length()) {
            return true;
        }
        char c = s.charAt(i);
        if (c != ' ' && c != 'T') {
            return false;
        }
        for (int k = i + 1; k < s.length(); k++) {
            char t = Text.halfWidth(s.charAt(k));
            if ((t < '0' || t > '9') && t != ':' && t != '.') {
                return false;
            }
        }
        return true;
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean digits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = Text.halfWidth(s.charAt(i));
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String fold(String s) {
        // Text.clean already folded full-width digits; this only matters for callers that did not clean
        for (int i = 0; i < Math.min(8, s.length()); i++) {
            if (s.charAt(i) >= '\uFF10' && s.charAt(i) <= '\uFF19') {
                StringBuilder sb = new StringBuilder(s.length());
                for (int k = 0; k < s.length(); k++) {
                    sb.append(Text.halfWidth(s.charAt(k)));
                }
                return sb.toString();
            }
        }
        return s;
    }
}
