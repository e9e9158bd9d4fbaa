package org.exchangehub.standards;

/** GB/T 2261.1 sex codes: 0 unknown, 1 male, 2 female, 9 not stated, and the common ways sources write them. */
public final class SexCodes {

    private SexCodes() {
    }

    /** The code for a trimmed source value (男/M/1, 女/F/2, 未知/0, 未说明/9, and the standard labels), or null. */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        return switch (s) {
            case "1", "男", "男性", "M", "m" -> "1";
            case "2", "女", "女性", "F", "f" -> "2";
            case "0", "未知", "未知的性别" -> "0";
            case "9", "未说明", "未说明的性别" -> "9";
            default -> null;
        };
    }
}
