package org.exchangehub.standards;

import java.math.BigDecimal;

/** The unit a source gives money in; amounts are delivered in yuan. */
public enum MoneyUnit {
    /** 元, yuan. */
    YUAN(BigDecimal.ONE),
    /** 万元 (or 万), ten thousand yuan. */
    WAN_YUAN(BigDecimal.valueOf(10_000));

    private final BigDecimal factor;

    MoneyUnit(BigDecimal factor) {
        this.factor = factor;
    }

    /** What one source unit is in yuan. */
    public BigDecimal factor() {
        return factor;
    }

    /** The unit a mapping or a value suffix names ({@code 元}, {@code 万}, {@code 万元}), or null. */
    public static MoneyUnit of(String name) {
        if (name == null) {
            return null;
        }
        return switch (name) {
            case "元" -> YUAN;
            case "万", "万元" -> WAN_YUAN;
            default -> null;
        };
    }
}
