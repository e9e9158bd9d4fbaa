package org.exchangehub.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The store's two kinds of time as JDBC values that H2 and PostgreSQL both accept: instants as UTC
 * {@link OffsetDateTime} (pgjdbc cannot bind {@link Instant}), and source change times as
 * {@link LocalDateTime} cut to microseconds, PostgreSQL's precision, so that both databases keep the same
 * value and a finer source time is never rounded up past rows that share its microsecond.
 */
final class Times {

    private Times() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDateTime changeTime(LocalDateTime time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    static LocalDateTime changeTime(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }
}
