package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The window options on their own: how runs are cut into windows, and each option that cannot work. */
class ServiceWindowsTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant NOW = Instant.parse("2026-06-15T10:30:00Z");

    private static ServiceWindows windows(String start, String length, String lag, String format) {
        return ServiceWindows.of(new ServiceWindows.Options(start, length, null, lag, format, false), UTC, NOW);
    }

    private static ConfigException problem(String start, String length, String max, String format) {
        return catchThrowableOfType(ConfigException.class, () -> ServiceWindows.of(
                new ServiceWindows.Options(start, length, max, null, format, false), UTC, NOW));
    }

    @Test
    void theLastWindowEndsALagBeforeNow() {
        ServiceWindows w = windows("2026-06-01T00:00:00", "P7D", "2h", "yyyy-MM-dd'T'HH:mm:ss");

        assertThat(w.walk(w.start(), NOW)).containsExactly(
                new Window(LocalDateTime.of(2026, 6, 1, 0, 0), LocalDateTime.of(2026, 6, 8, 0, 0)),
                new Window(LocalDateTime.of(2026, 6, 8, 0, 0), LocalDateTime.of(2026, 6, 15, 0, 0)),
                new Window(LocalDateTime.of(2026, 6, 15, 0, 0), LocalDateTime.of(2026, 6, 15, 8, 30)));
    }

    @Test
    void aDurationLengthWalksExactDurations() {
        ServiceWindows w = windows("2026-06-15", "4h", "0s", "yyyyMMddHHmm");

        assertThat(w.walk(w.start(), NOW)).hasSize(3).last()
                .isEqualTo(new Window(LocalDateTime.of(2026, 6, 15, 8, 0), LocalDateTime.of(2026, 6, 15, 10, 30)));
    }

    @Test
    void aRunThatIsAlreadyUpToDateHasNoWindow() {
        ServiceWindows w = windows("2026-01-01", "P1Y", "0s", "yyyy-MM-dd");

        assertThat(w.walk(LocalDateTime.of(2026, 6, 15, 0, 0), NOW)).isEmpty();
    }

    @Test
    void anInclusiveEndIsTheLastValueTheFormatWritesInsideTheWindow() {
        ServiceWindows w = ServiceWindows.of(new ServiceWindows.Options("2025-01-01", "P1Y", null, null,
                "yyyy-MM-dd", true), UTC, NOW);
        Window first = w.walk(w.start(), NOW).get(0);

        assertThat(w.writeStart(first)).isEqualTo("2025-01-01");
        assertThat(w.writeEnd(first)).isEqualTo("2025-12-31");
    }

    @Test
    void aLengthOfZeroIsRefused() {
        ConfigException e = problem("2025-01-01", "P0D", null, "yyyy-MM-dd");

        assertThat(e.key()).isEqualTo("windowLength");
        assertThat(e.problem()).isEqualTo("is not a positive length");
        assertThat(e.fix()).contains("P1Y");
    }

    @Test
    void aLengthThatIsNeitherPeriodNorDurationIsRefused() {
        assertThat(problem("2025-01-01", "one year", null, "yyyy-MM-dd").problem())
                .isEqualTo("is not a period or a duration");
    }

    @Test
    void aLeapYearMakesP1YLongerThan365Days() {
        ConfigException e = problem("2023-01-01", "P1Y", "P365D", "yyyy-MM-dd");

        assertThat(e.problem()).isEqualTo("is longer than windowMaxLength P365D for a window starting 2023-03-01"
                + " (366 days)");
    }

    @Test
    void aPatternThatIsNoPatternIsRefused() {
        ConfigException e = problem("2025-01-01", "P1Y", null, "yyyy-MM-dd'T");

        assertThat(e.key()).isEqualTo("windowFormat");
        assertThat(e.problem()).startsWith("is not a date-time pattern");
    }

    @Test
    void theLastWindowEndsAtTheFinestValueTheFormatWrites() {
        ServiceWindows w = windows("2026-06-15T08:00:00", "1h", "0s", "yyyyMMddHH");

        assertThat(w.walk(w.start(), NOW)).extracting(Window::end)
                .containsExactly(LocalDateTime.of(2026, 6, 15, 9, 0), LocalDateTime.of(2026, 6, 15, 10, 0));
    }

    @Test
    void aYearOnlyPatternCannotWriteADateAndIsRefused() {
        ConfigException e = problem("2025-01-01", "P1Y", null, "yyyy");

        assertThat(e.key()).isEqualTo("windowFormat");
        assertThat(e.problem()).startsWith("does not write the date (year, month and day)");
    }

    @Test
    void aStartFinerThanTheFormatIsRefused() {
        ConfigException e = problem("2025-01-01T12:00:00", "P1Y", null, "yyyy-MM-dd");

        assertThat(e.key()).isEqualTo("windowStart");
        assertThat(e.problem()).contains("is finer than windowFormat 'yyyy-MM-dd' can write")
                .contains("asked for as 2025-01-01");
    }

    @Test
    void aLengthFinerThanTheFormatIsRefused() {
        ConfigException e = problem("2025-01-01", "12h", null, "yyyy-MM-dd");

        assertThat(e.key()).isEqualTo("windowLength");
        assertThat(e.problem()).isEqualTo("is not a whole number of the days that windowFormat 'yyyy-MM-dd' writes");
    }

    @Test
    void aStartThatIsNoDateIsRefused() {
        ConfigException e = problem("three years ago", "P1Y", null, "yyyy-MM-dd");

        assertThat(e.key()).isEqualTo("windowStart");
        assertThat(e.fix()).contains("2023-01-01");
    }

    @Test
    void aWindowStartWithoutWindowLengthIsRefused() {
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> ServiceWindows.require(null, "2025-01-01"));

        assertThat(e.problem()).contains("windowLength is not, so no window is walked");
    }
}
