package org.exchangehub.source;

import java.util.List;

/** The hostile values every source kind's hostile-input test sends through as data. */
public final class HostileValues {

    /** SQL, property, template and script injections: each must arrive as the text it is, never evaluated. */
    public static final List<String> TEXT = List.of("'; DROP TABLE x; --", "${sys:user.home}", "{{7*7}}", "${body}",
            "${header.x}", "<script>alert(1)</script>");

    /** NUL, SOH, ESC and DEL between ordinary letters. */
    public static final String CONTROLS = "a\u0000b\u0001c\u001bd\u007fe";

    private HostileValues() {
    }

    /** For {@code @MethodSource("org.exchangehub.source.HostileValues#text")}. */
    public static List<String> text() {
        return TEXT;
    }

    /** {@link #TEXT}, {@link #CONTROLS} and a {@link #megabyte()}: what a source that holds any text must pass as is. */
    public static List<String> anyText() {
        List<String> all = new java.util.ArrayList<>(TEXT);
        all.add(CONTROLS);
        all.add(megabyte());
        return all;
    }

    /** A text of {@code length} characters that are not all the same (so that a cut or a shift shows). */
    public static String longValue(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; sb.length() < length; i++) {
            sb.append((char) ('a' + i % 26));
        }
        return sb.toString();
    }

    /** One mebibyte of text. */
    public static String megabyte() {
        return longValue(1 << 20);
    }
}
