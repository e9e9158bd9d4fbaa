package org.exchangehub.standards;

import java.math.BigDecimal;

/**
 * Numbers that arrive as text: spaces, thousands separators, full-width digits and an optional unit suffix
 * ({@code 元}, {@code 万}, {@code 万元}). A suffix on the value wins over the unit the mapping declares.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The amount in yuan, unrounded, or null when the text is not a number.
     *
     * @param sourceUnit the unit of a value without suffix (the mapping's {@code unit}), never null
     */
    public static BigDecimal parse(String s, MoneyUnit sourceUnit) {
        if (s == null) {
            return null;
        }
        int n = s.length();
        char[] out = new char[n];
        int len = 0;
        int digitsSeen = 0;
        boolean dot = false;
        int i = 0;
        for (; i < n; i++) {
            char c = Text.halfWidth(s.charAt(i));
            if (c >= '0' && c <= '9') {
                out[len++] = c;
                digitsSeen++;
            } else if ((c == '-' || c == '+') && len == 0) {
                out[len++] = c;
            } else if (c == '.' && !dot) {
                dot = true;
                out[len++] = c;
            } else if (c == ',') {
                // a thousands separator sits between digits of the integer part
                if (dot || len == 0 || !isDigit(out[len - 1]) || i + 1 >= n || !isDigit(Text.halfWidth(s.charAt(i + 1)))) {
                    return null;
                }
            } else if (c == ' ' || Text.isSpace(c)) {
                continue;
            } else {
                break;
            }
        }
        if (digitsSeen == 0) {
            return null;
        }
        MoneyUnit unit = sourceUnit;
        if (i < n) {
            unit = MoneyUnit.of(s.substring(i).trim());
            if (unit == null) {
                return null;
            }
        }
        BigDecimal value;
        try {
            value = new BigDecimal(out, 0, len);
        } catch (NumberFormatException e) {
            return null;
        }
        return unit == MoneyUnit.YUAN ? value : value.multiply(unit.factor());
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
