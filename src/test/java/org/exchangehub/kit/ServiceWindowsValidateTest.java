package org.exchangehub.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** {@code validate} checks a service feed's time windows as written, with the file, line, option, value and fix. */
class ServiceWindowsValidateTest {

    private static final String ROUTE = "routes/human-resources-social-insurance.yaml";
    private static final String KEY = "route[human-resources.social-insurance].from.parameters.";

    private static ProjectCopy withWindows(String start, String length) {
        return ProjectCopy.create().edit(ROUTE, "initialSince: \"2000-01-01T00:00:00\"",
                "windowStart: \"" + start + "\"\n        windowLength: " + length);
    }

    @Test
    void yearlyWindowsFromAPastStartAreValid() {
        assertThat(withWindows("2023-01-01", "P1Y").problems()).isEmpty();
    }

    @Test
    void aWindowLengthOfZeroIsReported() {
        assertThat(withWindows("2023-01-01", "P0D").problems()).containsExactly(ROUTE + ":21: " + KEY
                + "windowLength = 'P0D': is not a positive length. Fix: write a positive calendar period such as P1Y,"
                + " P6M or P366D, or a duration such as 30d or 12h");
    }

    @Test
    void aWindowStartInTheFutureIsReported() {
        String future = LocalDate.now().plusYears(1).withDayOfYear(1).toString();

        assertThat(withWindows(future, "P1Y").problems()).singleElement().asString()
                .startsWith(ROUTE + ":20: " + KEY + "windowStart = '" + future + "': lies in the future")
                .contains("Fix: give a start in the past");
    }

    @Test
    void aWindowFormatThatCannotWriteADateIsReported() {
        assertThat(withWindows("2023-01-01", "P1Y").edit(ROUTE, "timeZone: Asia/Shanghai",
                "timeZone: Asia/Shanghai\n        windowFormat: HH:mm:ss").problems()).singleElement().asString()
                .contains(KEY + "windowFormat = 'HH:mm:ss': does not write the date (year, month and day)");
    }

    @Test
    void windowOptionsGivenAsPlaceholdersAreLeftToStartUp() {
        assertThat(withWindows("{{hrss.window-start}}", "P0D").problems()).isEmpty();
    }
}
