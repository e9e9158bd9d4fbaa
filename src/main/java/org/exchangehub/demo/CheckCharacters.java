package org.exchangehub.demo;

/**
 * The two check-character algorithms a credit code needs: GB 32100-2015 for the whole code and GB 11714-1997
 * for the organisation-code part, so generated codes look like real ones and dirty ones are wrong on purpose.
 */
final class CheckCharacters {

    /** The GB 32100 character set; a character's value is its index. */
    static final String USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final int[] USCC_VALUES = new int[128];

    static {
        java.util.Arrays.fill(USCC_VALUES, -1);
        for (int i = 0; i < USCC_CHARS.length(); i++) {
            USCC_VALUES[USCC_CHARS.charAt(i)] = i;
        }
    }

    private CheckCharacters() {
    }

    /** The GB 32100 check character of the first 17 characters, which must all be in {@link #USCC_CHARS}. */
    static char uscc(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = code.charAt(i);
            int value = c < 128 ? USCC_VALUES[c] : -1;
            if (value < 0) {
                throw new IllegalArgumentException("character " + (i + 1) + " is not a GB 32100 character");
            }
            sum += value * USCC_WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return USCC_CHARS.charAt(check == 31 ? 0 : check);
    }

    /** The GB 11714 check character of the first 8 characters (digits, or letters A–Z valued 10–35). */
    static char organisation(CharSequence code) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = code.charAt(i);
            int value = c <= '9' ? c - '0' : c - 'A' + 10;
            sum += value * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
    }
}
