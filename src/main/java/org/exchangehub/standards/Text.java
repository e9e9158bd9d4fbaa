package org.exchangehub.standards;

/**
 * Text clean-up applied to every source value before any rule runs: trim, fold full-width ASCII letters,
 * digits and the ideographic space to half-width, collapse inner runs of whitespace to one space.
 * Full-width punctuation (e.g. the "（）" of company names) is kept; the number, phone and date rules fold
 * the few punctuation marks they read themselves through {@link #halfWidth(char)}.
 */
public final class Text {

    private Text() {
    }

    /** The cleaned text, or null when the value is null or blank after cleaning. */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        if (!needsWork(s, n)) {
            return n == 0 ? null : s;
        }
        StringBuilder sb = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isSpace(c)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(foldLetterOrDigit(c));
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    /** True for the whitespace the hub trims and collapses (ASCII whitespace, NBSP, ideographic space). */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B'
                || c == '\u00A0' || c == '\u3000';
    }

    /** Any full-width ASCII character U+FF01–U+FF5E (and U+3000) as its half-width form; others unchanged. */
    public static char halfWidth(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        return c == '\u3000' ? ' ' : c;
    }

    private static char foldLetterOrDigit(char c) {
        if ((c >= '\uFF10' && c <= '\uFF19') || (c >= '\uFF21' && c <= '\uFF3A') || (c >= '\uFF41' && c <= '\uFF5A')) {
            return (char) (c - 0xFEE0);
        }
        return c;
    }

    private static boolean needsWork(String s, int n) {
        if (n == 0) {
            return false;
        }
        if (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) {
            return true;
        }
        boolean prevSpace = false;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean space = isSpace(c);
            if (space && (prevSpace || c != ' ')) {
                return true;
            }
            if (c >= '\uFF10' && c <= '\uFF5A') {
                return true;
            }
            prevSpace = space;
        }
        return false;
    }
}
