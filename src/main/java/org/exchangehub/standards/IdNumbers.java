package org.exchangehub.standards;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Citizen identity numbers after GB 11643-1999: 17 digits (6 division, 8 birth date, 3 sequence) and a check
 * character; legacy 15-digit numbers are upgraded. Functions take text already trimmed.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    private IdNumbers() {
    }

    /**
     * The valid 18-character form (upper-case X; a 15-digit number upgraded), or null when the number is invalid
     * ({@link #problem(String)} says why).
     */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() == 15) {
            if (!allDigits(s, 15)) {
                return null;
            }
            String first17 = s.substring(0, 6) + "19" + s.substring(6);
            return hasRealBirthDate(first17) ? first17 + checkChar(first17) : null;
        }
        if (s.length() != 18 || !allDigits(s, 17)) {
            return null;
        }
        char last = s.charAt(17);
        if (last == 'x') {
            last = 'X';
        }
        if (last != checkChar(s) || !hasRealBirthDate(s)) {
            return null;
        }
        return s.charAt(17) == 'x' ? s.substring(0, 17) + 'X' : s;
    }

    /** Why {@code s} is not a valid number, without repeating it; null when it is valid. */
    public static String problem(String s) {
        if (s == null) {
            return "missing";
        }
        int n = s.length();
        if (n != 15 && n != 18) {
            return "must have 18 characters (or 15 digits for a legacy number), has " + n;
        }
        if (!allDigits(s, n == 15 ? 15 : 17)) {
            return "may contain only digits and, as the 18th character, X";
        }
        String first17 = n == 15 ? s.substring(0, 6) + "19" + s.substring(6) : s;
        if (!hasRealBirthDate(first17)) {
            return "the birth date inside it is not a real date";
        }
        if (n == 18) {
            char last = Character.toUpperCase(s.charAt(17));
            if (last != 'X' && (last < '0' || last > '9')) {
                return "may contain only digits and, as the 18th character, X";
            }
            if (last != checkChar(s)) {
                return "check character is wrong";
            }
        }
        return null;
    }

    /** The check character for the first 17 digits of {@code s}. */
    public static char checkChar(CharSequence s) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (s.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** GB/T 2261.1 sex code of a valid 18-character number: "1" when the 17th digit is odd, else "2". */
    public static String sexCode(String id18) {
        return ((id18.charAt(16) - '0') & 1) == 1 ? "1" : "2";
    }

    /** The birth date (digits 7–14) of a valid 18-character number. */
    public static LocalDate birthDate(String id18) {
        return LocalDate.of(num(id18, 6, 4), num(id18, 10, 2), num(id18, 12, 2));
    }

    private static boolean hasRealBirthDate(String first17) {
        try {
            birthDate(first17);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean allDigits(String s, int count) {
        for (int i = 0; i < count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static int num(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }
}
