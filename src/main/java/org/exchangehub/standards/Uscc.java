package org.exchangehub.standards;

/**
 * Unified social credit codes after GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, S, V,
 * Z), characters 3–8 the registering division, the last a check character.
 */
public final class Uscc {

    /** The code alphabet; a character's value is its index. */
    public static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] VALUE = new int[128];

    static {
        java.util.Arrays.fill(VALUE, -1);
        for (int i = 0; i < CHARSET.length(); i++) {
            VALUE[CHARSET.charAt(i)] = i;
        }
    }

    private Uscc() {
    }

    /** The valid upper-case code, or null when it is invalid ({@link #problem(String)} says why). */
    public static String normalize(String s) {
        if (s == null || s.length() != 18) {
            return null;
        }
        String up = upper(s);
        for (int i = 0; i < 18; i++) {
            if (value(up.charAt(i)) < 0) {
                return null;
            }
        }
        return up.charAt(17) == checkChar(up) ? up : null;
    }

    /** Why {@code s} is not a valid code, without repeating it; null when it is valid. */
    public static String problem(String s) {
        if (s == null) {
            return "missing";
        }
        if (s.length() != 18) {
            return "must have 18 characters, has " + s.length();
        }
        String up = upper(s);
        for (int i = 0; i < 18; i++) {
            if (value(up.charAt(i)) < 0) {
                return "character " + (i + 1) + " is not one of " + CHARSET;
            }
        }
        return up.charAt(17) == checkChar(up) ? null : "check character is wrong";
    }

    /** The check character for the first 17 characters of an upper-case code made of {@link #CHARSET}. */
    public static char checkChar(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += value(s.charAt(i)) * WEIGHTS[i];
        }
        int c = 31 - sum % 31;
        return CHARSET.charAt(c == 31 ? 0 : c);
    }

    /** The division code inside a valid code: characters 3–8. */
    public static String divisionCode(String uscc) {
        return uscc.substring(2, 8);
    }

    private static int value(char c) {
        return c < 128 ? VALUE[c] : -1;
    }

    private static String upper(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return s.toUpperCase(java.util.Locale.ROOT);
            }
        }
        return s;
    }
}
