package org.exchangehub.source.http;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.exchangehub.feed.Durations;

/**
 * A window's length: a calendar period (P1Y, P6M, P366D), which a service counts in calendar days and months,
 * or an exact duration (30d, 12h, PT12H). The two are kept apart because one year from 2024-01-01 is 366 days
 * and from 2025-01-01 is 365.
 */
final class WindowLength {

    private final Period period;
    private final Duration duration;

    private WindowLength(Period period, Duration duration) {
        this.period = period;
        this.duration = duration;
    }

    /** @throws IllegalArgumentException when the text is neither a period nor a duration, or not positive */
    static WindowLength parse(String option, String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        WindowLength length;
        if (t.startsWith("P") && !t.contains("T")) {
            try {
                length = new WindowLength(Period.parse(t), null);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("is not a period", e);
            }
        } else {
            try {
                length = new WindowLength(null, Durations.parse("", option, text));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not a period or a duration", e);
            }
        }
        if (length.isZeroOrNegative()) {
            throw new IllegalArgumentException("is not a positive length");
        }
        return length;
    }

    private boolean isZeroOrNegative() {
        if (duration != null) {
            return duration.isZero() || duration.isNegative();
        }
        return period.isZero() || period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0;
    }

    LocalDateTime after(LocalDateTime start) {
        return period != null ? start.plus(period) : start.plus(duration);
    }

    /** Whether every window of this length is a whole number of {@code unit}s, so that its bounds can be written. */
    boolean isMultipleOf(Duration unit) {
        if (period != null) {
            return Duration.ofDays(1).toNanos() % unit.toNanos() == 0;
        }
        return duration.toNanos() % unit.toNanos() == 0;
    }

    @Override
    public String toString() {
        return period != null ? period.toString() : duration.toString();
    }
}
