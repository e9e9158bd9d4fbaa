package org.exchangehub.demo;

/** An independent GB 32100-2015 check for tests, written from the standard rather than from the generator. */
final class Gb32100 {

    private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private Gb32100() {
    }

    static boolean isValid(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            if (CHARS.indexOf(code.charAt(i)) < 0) {
                return false;
            }
        }
        for (int i = 0; i < 17; i++) {
            sum += CHARS.indexOf(code.charAt(i)) * WEIGHTS[i];
        }
        int c = (31 - sum % 31) % 31;
        return CHARS.charAt(c) == code.charAt(17);
    }
}
