package org.exchangehub.standards;

/** Mainland mobile numbers: 11 digits starting with 1, after stripping a +86/0086 prefix, spaces and dashes. */
public final class MobilePhones {

    private MobilePhones() {
    }

    /** The 11-digit number, or null when the value is not a mainland mobile number. */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        char[] digits = new char[11];
        int n = 0;
        int i = 0;
        int len = s.length();
        // prefix only: +86 or 0086 at the very start (after any leading spaces)
        while (i < len && Text.isSpace(s.charAt(i))) {
            i++;
        }
        if (i < len && Text.halfWidth(s.charAt(i)) == '+') {
            if (!startsWith(s, i + 1, "86")) {
                return null;
            }
            i += 3;
        } else if (startsWith(s, i, "0086")) {
            i += 4;
        }
        for (; i < len; i++) {
            char c = Text.halfWidth(s.charAt(i));
            if (c == ' ' || c == '-' || Text.isSpace(c)) {
                continue;
            }
            if (c < '0' || c > '9' || n == 11) {
                return null;
            }
            digits[n++] = c;
        }
        return n == 11 && digits[0] == '1' ? new String(digits) : null;
    }

    private static boolean startsWith(String s, int at, String prefix) {
        if (at + prefix.length() > s.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (Text.halfWidth(s.charAt(at + k)) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
