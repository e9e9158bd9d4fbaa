package org.exchangehub.ops;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

import org.exchangehub.state.Watermark;

/**
 * Parses the watermark an operator types: {@code yyyy-MM-ddTHH:mm:ss[.SSS]}, optionally followed by
 * {@code /key} (the last delivered row's key at that time); empty clears the watermark (read everything).
 */
final class WatermarkText {

    private WatermarkText() {
    }

    /** The watermark, or null for an empty text. */
    static Watermark parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        int slash = t.indexOf('/');
        String time = slash < 0 ? t : t.substring(0, slash);
        String key = slash < 0 ? null : t.substring(slash + 1);
        try {
            return new Watermark(LocalDateTime.parse(time), key == null || key.isEmpty() ? null : key);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + time + "' is not a time: write yyyy-MM-ddTHH:mm:ss[.SSS],"
                    + " optionally followed by /key, or nothing to clear the watermark");
        }
    }
}
