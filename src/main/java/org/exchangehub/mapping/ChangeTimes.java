package org.exchangehub.mapping;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;

/**
 * A record's change time as the lineage column {@code _change_time}: the department's wall-clock date-time
 * (departments keep local times, in this province Asia/Shanghai). Values with an offset are shown on that clock;
 * text in the common ISO or {@code yyyy-MM-dd HH:mm:ss[.SSS]} forms is read; anything else gives null (the record
 * is still delivered: the change time is lineage, not a business field).
 */
final class ChangeTimes {

    static final ZoneId DEPARTMENT_ZONE = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd")
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffsetId().optionalEnd()
            .toFormatter();

    private ChangeTimes() {
    }

    static LocalDateTime toLocalDateTime(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(DEPARTMENT_ZONE).toLocalDateTime();
        }
        if (v instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(DEPARTMENT_ZONE).toLocalDateTime();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, DEPARTMENT_ZONE);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().atStartOfDay();
        }
        return parse(v.toString().trim());
    }

    private static LocalDateTime parse(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            var parsed = TEXT.parseBest(s, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof OffsetDateTime o) {
                return o.atZoneSameInstant(DEPARTMENT_ZONE).toLocalDateTime();
            }
            return parsed instanceof LocalDateTime t ? t : ((LocalDate) parsed).atStartOfDay();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
