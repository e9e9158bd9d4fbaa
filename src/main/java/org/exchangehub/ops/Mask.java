package org.exchangehub.ops;

/**
 * How a personal value is shown to operations, chosen once per field from its catalogue rule: an ID number
 * keeps its first and last four characters ({@code 1101**********002X}), a name its first character
 * ({@code 张*}), a mobile number its first three and last four ({@code 138****1234}), an address its beginning;
 * anything else is hidden whole.
 */
enum Mask {
    ID_NUMBER, NAME, PHONE, ADDRESS, DATE, HIDDEN;

    private static final String HIDE = "***";

    static Mask forRule(String rule) {
        if (rule == null) {
            return HIDDEN;
        }
        return switch (rule) {
            case "id_number", "uscc" -> ID_NUMBER;
            case "name" -> NAME;
            case "mobile_phone" -> PHONE;
            case "text" -> ADDRESS;
            case "date", "past_date" -> DATE;
            default -> HIDDEN;
        };
    }

    String apply(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        int n = v.codePointCount(0, v.length());
        if (n == 0) {
            return v;
        }
        return switch (this) {
            case ID_NUMBER -> n > 8 ? keep(v, 4, 4, n) : HIDE;
            case PHONE -> n >= 8 ? v.substring(0, v.offsetByCodePoints(0, 3)) + "****"
                    + v.substring(v.offsetByCodePoints(0, n - 4)) : HIDE;
            case NAME -> v.substring(0, v.offsetByCodePoints(0, 1)) + "*".repeat(Math.max(1, n - 1));
            case ADDRESS -> n > 2 ? v.substring(0, v.offsetByCodePoints(0, Math.min(6, n / 2))) + "…" : HIDE;
            case DATE -> "****-**-**";
            case HIDDEN -> HIDE;
        };
    }

    private static String keep(String v, int head, int tail, int n) {
        return v.substring(0, v.offsetByCodePoints(0, head)) + "*".repeat(n - head - tail)
                + v.substring(v.offsetByCodePoints(0, n - tail));
    }
}
