package org.exchangehub.source.http;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exchangehub.config.ConfigException;
import org.exchangehub.feed.Durations;

/**
 * The time windows a service feed walks, for services that refuse an open-ended or too long query: from the
 * watermark (or {@code windowStart} on the first run) window by window up to now minus {@code windowLag}, each
 * window's bounds written into the request in {@code windowFormat}. Bounds are kept to what that format can
 * write (a date-only format walks whole days), so the window asked for is exactly the window committed.
 */
public final class ServiceWindows {

    /** Services often refuse a query longer than 366 days (a leap year). */
    public static final String DEFAULT_MAX_LENGTH = "P366D";
    public static final String DEFAULT_LAG = "0s";

    /** The finest units a window format can write, finest first. */
    private static final List<ChronoUnit> UNITS = List.of(ChronoUnit.MILLIS, ChronoUnit.SECONDS, ChronoUnit.MINUTES,
            ChronoUnit.HOURS, ChronoUnit.DAYS);
    /** A date-time whose every field differs from its neighbours', to see which fields a format writes. */
    private static final LocalDateTime PROBE = LocalDateTime.of(2001, 2, 3, 4, 5, 6, 7_000_000);
    /** Four years of window starts hold every leap-year case a calendar length can meet. */
    private static final int CYCLE_DAYS = 4 * 366;

    /** The window options as written, before they are checked. */
    record Options(String start, String length, String maxLength, String lag, String format, boolean endInclusive) {
    }

    private final LocalDateTime start;
    private final WindowLength length;
    private final Duration lag;
    private final String pattern;
    private final DateTimeFormatter format;
    private final ChronoUnit resolution;
    private final boolean endInclusive;
    private final ZoneId zone;

    private ServiceWindows(LocalDateTime start, WindowLength length, Duration lag, String pattern,
            DateTimeFormatter format, ChronoUnit resolution, boolean endInclusive, ZoneId zone) {
        this.start = start;
        this.length = length;
        this.lag = lag;
        this.pattern = pattern;
        this.format = format;
        this.resolution = resolution;
        this.endInclusive = endInclusive;
        this.zone = zone;
    }

    /**
     * Checks the options against each other and the clock.
     *
     * @throws ConfigException for the first option that cannot work, with the option as its key and no file
     */
    static ServiceWindows of(Options o, ZoneId zone, Instant now) {
        if (blank(o.start())) {
            throw problem("windowStart", "", "is required with windowLength",
                    "give the start of the first window, e.g. windowStart: 2023-01-01");
        }
        WindowLength length;
        try {
            length = WindowLength.parse("windowLength", o.length());
        } catch (IllegalArgumentException e) {
            throw problem("windowLength", o.length(), e.getMessage(),
                    "write a positive calendar period such as P1Y, P6M or P366D, or a duration such as 30d or 12h");
        }
        String maxText = blank(o.maxLength()) ? DEFAULT_MAX_LENGTH : o.maxLength().trim();
        WindowLength max;
        try {
            max = WindowLength.parse("windowMaxLength", maxText);
        } catch (IllegalArgumentException e) {
            throw problem("windowMaxLength", maxText, e.getMessage(),
                    "write the longest query the service accepts, e.g. P366D");
        }
        String lagText = blank(o.lag()) ? DEFAULT_LAG : o.lag().trim();
        Duration lag;
        try {
            lag = Durations.parse("", "windowLag", lagText);
        } catch (IllegalArgumentException e) {
            throw problem("windowLag", lagText, "is not a duration",
                    "write e.g. 0s, 15m, 1h or 1d (how long before now the last window ends)");
        }
        String pattern = o.format();
        DateTimeFormatter format;
        try {
            format = DateTimeFormatter.ofPattern(pattern);
        } catch (IllegalArgumentException e) {
            throw problem("windowFormat", pattern, "is not a date-time pattern (" + e.getMessage() + ")",
                    "write a java.time pattern such as yyyy-MM-dd or yyyy-MM-dd'T'HH:mm:ss");
        }
        ChronoUnit resolution = resolution(pattern, format, zone);
        LocalDateTime first = parseStart(o.start().trim(), format);
        ServiceWindows windows = new ServiceWindows(first, length, lag, pattern, format, resolution,
                o.endInclusive(), zone);
        if (!windows.alignDown(first).equals(first)) {
            throw problem("windowStart", o.start(), "is finer than windowFormat '" + pattern
                    + "' can write (it would be asked for as " + windows.write(first) + ")",
                    "start the first window at a value the format writes exactly, e.g. "
                            + windows.alignDown(first).toLocalDate());
        }
        if (first.isAfter(LocalDateTime.ofInstant(now, zone))) {
            throw problem("windowStart", o.start(), "lies in the future, so the feed would ask for"
                    + " nothing until then", "give a start in the past: the oldest records the feed should read");
        }
        if (!length.isMultipleOf(resolution.getDuration())) {
            throw problem("windowLength", o.length(), "is not a whole number of the "
                    + resolution.name().toLowerCase() + " that windowFormat '" + pattern + "' writes",
                    "give a length in whole " + resolution.name().toLowerCase() + ", or a finer windowFormat");
        }
        LocalDateTime tooLong = firstTooLong(first, length, max);
        if (tooLong != null) {
            throw problem("windowLength", o.length(), "is longer than windowMaxLength " + maxText
                    + " for a window starting " + tooLong.toLocalDate() + " (" + Duration.between(tooLong,
                    length.after(tooLong)).toDays() + " days)",
                    "shorten windowLength, e.g. P1Y or P366D, or raise windowMaxLength if the service allows it");
        }
        return windows;
    }

    /**
     * The route checks of {@code validate}: the window options of a {@code rest-source} or {@code soap-source}
     * route, as written, without starting anything. Options given as placeholders are checked at start-up.
     *
     * @param params the source's parameters by name
     * @return the problem, or null when the windows can work (or are not used)
     */
    public static ConfigException check(Map<String, String> params, Instant now) {
        List<String> names = List.of("windowStart", "windowLength", "windowMaxLength", "windowLag", "windowFormat",
                "windowEndInclusive", "timeFormat", "timeZone");
        if (blank(params.get("windowLength")) && blank(params.get("windowStart"))) {
            return null;
        }
        for (String name : names) {
            String v = params.get(name);
            if (v != null && v.contains("{{")) {
                return null;
            }
        }
        ZoneId zone;
        try {
            zone = blank(params.get("timeZone")) ? ZoneId.systemDefault() : ZoneId.of(params.get("timeZone").trim());
        } catch (DateTimeException e) {
            return null; // the endpoint reports a bad timeZone at start-up
        }
        String format = blank(params.get("windowFormat"))
                ? (blank(params.get("timeFormat")) ? HttpSourceEndpoint.DEFAULT_TIME_FORMAT : params.get("timeFormat"))
                : params.get("windowFormat");
        try {
            require(params.get("windowLength"), params.get("windowStart"));
            of(new Options(params.get("windowStart"), params.get("windowLength"), params.get("windowMaxLength"),
                    params.get("windowLag"), format, Boolean.parseBoolean(params.get("windowEndInclusive"))), zone, now);
            return null;
        } catch (ConfigException e) {
            return e;
        }
    }

    /** windowStart alone would be silently ignored: it needs a length to walk. */
    static void require(String length, String start) {
        if (blank(length) && !blank(start)) {
            throw problem("windowStart", start, "is set but windowLength is not, so no window is walked",
                    "give windowLength too (e.g. P1Y), or remove windowStart and use initialSince");
        }
    }

    /** The windows of one run, from {@code position} up to now minus the lag; none when that is not after it. */
    List<Window> walk(LocalDateTime position, Instant now) {
        LocalDateTime end = runEnd(now);
        List<Window> windows = new ArrayList<>();
        LocalDateTime from = position;
        while (from.isBefore(end)) {
            LocalDateTime to = length.after(from);
            if (to.isAfter(end)) {
                to = end;
            }
            windows.add(new Window(from, to));
            from = to;
        }
        return windows;
    }

    /** Where the last window of a run started now ends: now minus the lag, down to what the format writes. */
    LocalDateTime runEnd(Instant now) {
        return alignDown(LocalDateTime.ofInstant(now.minus(lag), zone));
    }

    /** The first window's start. */
    LocalDateTime start() {
        return start;
    }

    /** A time down to the finest unit the format writes. */
    LocalDateTime alignDown(LocalDateTime time) {
        return time.truncatedTo(resolution);
    }

    /** A window's start as the request carries it. */
    String writeStart(Window w) {
        return write(w.start());
    }

    /** A window's end as the request carries it: exclusive, or the last instant the format writes inside it. */
    String writeEnd(Window w) {
        return write(endInclusive ? w.end().minus(1, resolution) : w.end());
    }

    private String write(LocalDateTime time) {
        return format.format(time.atZone(zone));
    }

    String pattern() {
        return pattern;
    }

    private static ChronoUnit resolution(String pattern, DateTimeFormatter format, ZoneId zone) {
        String probe;
        try {
            probe = format.format(PROBE.atZone(zone));
        } catch (DateTimeException e) {
            throw problem("windowFormat", pattern, "cannot write a date-time (" + e.getMessage() + ")",
                    "write a java.time pattern such as yyyy-MM-dd or yyyy-MM-dd'T'HH:mm:ss");
        }
        for (LocalDateTime other : List.of(PROBE.plusDays(1), PROBE.plusMonths(1), PROBE.plusYears(1))) {
            if (format.format(other.atZone(zone)).equals(probe)) {
                throw problem("windowFormat", pattern, "does not write the date (year, month and day),"
                        + " so different windows would be asked for alike",
                        "write a pattern with the date, such as yyyy-MM-dd or yyyyMMddHHmmss");
            }
        }
        for (ChronoUnit unit : UNITS) {
            if (!format.format(PROBE.plus(1, unit).atZone(zone)).equals(probe)) {
                return unit;
            }
        }
        return ChronoUnit.DAYS;
    }

    private static LocalDateTime parseStart(String text, DateTimeFormatter format) {
        try {
            return LocalDate.parse(text).atStartOfDay();
        } catch (DateTimeParseException notIsoDate) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException notIsoDateTime) {
                try {
                    return LocalDateTime.parse(text, format);
                } catch (DateTimeParseException notFormatted) {
                    throw problem("windowStart", text, "is not a date or date-time",
                            "write it as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss, e.g. 2023-01-01");
                }
            }
        }
    }

    /** The first start within four years at which one window of {@code length} is longer than {@code max}. */
    private static LocalDateTime firstTooLong(LocalDateTime from, WindowLength length, WindowLength max) {
        for (int day = 0; day < CYCLE_DAYS; day++) {
            LocalDateTime t = from.plusDays(day);
            if (length.after(t).isAfter(max.after(t))) {
                return t;
            }
        }
        return null;
    }

    /** A window option that cannot work: the option (as the key), its value, what is wrong and how to fix it. */
    private static ConfigException problem(String option, String value, String problem, String fix) {
        return new ConfigException(null, option, value, problem, fix);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
