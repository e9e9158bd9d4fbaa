package org.exchangehub.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void spacesAndThousandsSeparatorsAreIgnored() {
        assertThat(Numbers.parse("1,234,567.5", MoneyUnit.YUAN)).isEqualByComparingTo("1234567.5");
        assertThat(Numbers.parse(" 12 345 ", MoneyUnit.YUAN)).isEqualByComparingTo("12345");
    }

    @Test
    void wanYuanScalesByTenThousand() {
        assertThat(Numbers.parse("500", MoneyUnit.WAN_YUAN)).isEqualByComparingTo("5000000");
        assertThat(Numbers.parse("1,200.5万", MoneyUnit.WAN_YUAN)).isEqualByComparingTo("12005000");
    }

    @Test
    void aSuffixOnTheValueWinsOverTheMappingUnit() {
        assertThat(Numbers.parse("3万元", MoneyUnit.YUAN)).isEqualByComparingTo("30000");
        assertThat(Numbers.parse("300元", MoneyUnit.WAN_YUAN)).isEqualByComparingTo("300");
    }

    @Test
    void fullWidthDigitsAreFolded() {
        assertThat(Numbers.parse("１，２００．５", MoneyUnit.YUAN)).isEqualByComparingTo(new BigDecimal("1200.5"));
    }

    @Test
    void negativeNumbersParse() {
        assertThat(Numbers.parse("-5", MoneyUnit.YUAN)).isEqualByComparingTo("-5");
    }

    @Test
    void textThatIsNotANumberFails() {
        assertThat(Numbers.parse("abc", MoneyUnit.YUAN)).isNull();
        assertThat(Numbers.parse("12 美元", MoneyUnit.YUAN)).isNull();
        assertThat(Numbers.parse("1.2.3", MoneyUnit.YUAN)).isNull();
        assertThat(Numbers.parse(",5", MoneyUnit.YUAN)).isNull();
    }
}
