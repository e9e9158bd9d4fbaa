package org.exchangehub.standards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class DatesTest {

    private static final LocalDate D = LocalDate.of(2021, 3, 7);

    @Test
    void standardFormsParse() {
        assertThat(Dates.parse("20210307")).isEqualTo(D);
        assertThat(Dates.parse("2021-03-07")).isEqualTo(D);
        assertThat(Dates.parse("2021/3/7")).isEqualTo(D);
        assertThat(Dates.parse("2021.3.7")).isEqualTo(D);
        assertThat(Dates.parse("2021年3月7日")).isEqualTo(D);
    }

    @Test
    void timeOfDayAfterTheDateIsIgnored() {
        assertThat(Dates.parse("2021-03-07 13:45:00")).isEqualTo(D);
    }

    @Test
    void fullWidthDigitsParse() {
        assertThat(Dates.parse("２０２１年３月７日")).isEqualTo(D);
    }

    @Test
    void notARealDateFails() {
        assertThat(Dates.parse("2021-02-29")).isNull();
        assertThat(Dates.parse("20211301")).isNull();
    }

    @Test
    void mixedSeparatorsAndOtherTextFail() {
        assertThat(Dates.parse("2021-03/07")).isNull();
        assertThat(Dates.parse("07.03.2021")).isNull();
        assertThat(Dates.parse("soon")).isNull();
    }

    @Test
    void aMappingPatternWinsOverTheStandardForms() {
        DatePatterns p = DatePatterns.of(List.of("ddMMyyyy"));
        assertThat(p.parse("07032021")).isEqualTo(D);
        assertThat(p.parse("2021-03-07")).isEqualTo(D);
    }

    @Test
    void aMappingPatternRejectsImpossibleDates() {
        assertThat(DatePatterns.of(List.of("dd.MM.yyyy")).parse("30.02.2021")).isNull();
    }

    @Test
    void aPatternWithoutADayIsRefused() {
        assertThatThrownBy(() -> DatePatterns.of(List.of("yyyy-MM")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole date");
    }

    @Test
    void anInvalidPatternIsRefused() {
        assertThatThrownBy(() -> DatePatterns.of(List.of("yyyy-bb-dd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid date pattern");
    }
}
