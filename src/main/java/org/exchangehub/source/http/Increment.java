package org.exchangehub.source.http;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.exchangehub.feed.Checkpoint;
import org.exchangehub.state.SeenRow;
import org.exchangehub.state.StateStore;
import org.exchangehub.state.Watermark;

/**
 * The incremental window of one service-pull run. The request asks for what changed since the stored
 * watermark (minus the look-back) and, for services that want one, until the run's start. The new watermark
 * is the latest change time among the records when the records carry one ({@code changeField}), else the
 * window's end; it is committed with the run's last batch, after the sinks confirmed it. Records re-read inside
 * the look-back window and already delivered are skipped.
 *
 * <p>With time windows ({@link ServiceWindows}) the run walks them one after the other and each window's end is
 * the watermark committed with that window's last batch, so that a failure in one window resumes at it.
 */
final class Increment {

    private final String changeField;
    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final Duration lookBack;
    private final Set<String> seen;
    private final Watermark stored;
    private final ServiceWindows windows;
    private final List<Window> run;
    private LocalDateTime since;
    private LocalDateTime until;
    private LocalDateTime latest;
    private long skipped;
    private String latestKey;

    private Increment(String changeField, DateTimeFormatter format, ZoneId zone, Duration lookBack,
            ServiceWindows windows, List<Window> run, Set<String> seen, Watermark stored) {
        this.changeField = changeField;
        this.format = format;
        this.zone = zone;
        this.lookBack = lookBack;
        this.windows = windows;
        this.run = run;
        this.since = run.isEmpty() ? null : run.get(0).start();
        this.until = run.isEmpty() ? null : run.get(0).end();
        this.seen = seen;
        this.stored = stored;
    }

    static Increment start(HttpSourceEndpoint e, StateStore state, String feedId, Clock clock) {
        ZoneId zone = e.zone();
        Watermark stored = state.watermark(feedId).orElse(null);
        ServiceWindows windows = e.windows();
        List<Window> run;
        LocalDateTime since;
        if (windows == null) {
            LocalDateTime until = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.SECONDS);
            since = stored == null ? e.initialSinceTime() : stored.changeTime().minus(e.lookBackDuration());
            run = List.of(new Window(since, until));
        } else {
            since = stored == null ? windows.start()
                    : windows.alignDown(stored.changeTime().minus(e.lookBackDuration()));
            run = windows.walk(since, clock.instant());
        }
        Set<String> seen = stored != null && e.hasChangeField() ? state.seenSince(feedId, since) : Set.of();
        return new Increment(e.hasChangeField() ? e.getChangeField() : null, e.timeFormatter(), zone,
                e.lookBackDuration(), windows, run, seen, stored);
    }

    /** The windows of this run in order: one without time windows, none when the windows are all read. */
    List<Window> windows() {
        return run;
    }

    /** Makes {@code window} the one the next requests ask for and the next watermark ends. */
    void enter(Window window) {
        since = window.start();
        until = window.end();
    }

    /** Whether the source walks time windows, each committed on its own. */
    boolean isWindowed() {
        return windows != null;
    }

    /** The current window's start in windowFormat, or null without time windows. */
    String windowStart() {
        return windows == null ? null : windows.writeStart(new Window(since, until));
    }

    /** The current window's end in windowFormat, or null without time windows. */
    String windowEnd() {
        return windows == null ? null : windows.writeEnd(new Window(since, until));
    }

    /** The start of the window as the service expects it, or null on a first run without {@code initialSince}. */
    String since() {
        return since == null ? null : format.format(since);
    }

    String until() {
        return format.format(until);
    }

    /** The record field that holds its change time, or null when the window's end is the watermark. */
    String changeField() {
        return changeField;
    }

    /** Parses a change time in the configured format (or ISO-8601, with an offset converted to the zone). */
    LocalDateTime parse(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text, format).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException notConfigured) {
            try {
                return LocalDateTime.parse(text).truncatedTo(ChronoUnit.MICROS);
            } catch (DateTimeParseException notLocal) {
                try {
                    return OffsetDateTime.parse(text).atZoneSameInstant(zone).toLocalDateTime()
                            .truncatedTo(ChronoUnit.MICROS);
                } catch (DateTimeParseException notOffset) {
                    return null;
                }
            }
        }
    }

    /**
     * Notes a record's change time; false when it was already delivered inside the look-back window (skip it).
     */
    boolean accept(String key, LocalDateTime changed) {
        if (changed == null) {
            return true;
        }
        if (seen.contains(key + '\u0000' + changed)) {
            skipped++;
            return false;
        }
        if (latest == null || changed.isAfter(latest)) {
            latest = changed;
            latestKey = key;
        }
        return true;
    }

    /** Records left out so far as already delivered inside the look-back window. */
    long skipped() {
        return skipped;
    }

    /**
     * The checkpoint of a batch: rows to remember, and with the last batch of the run (or of the window) the new
     * watermark.
     */
    Checkpoint checkpoint(List<String> keys, List<LocalDateTime> times, boolean last) {
        List<SeenRow> remember = new ArrayList<>();
        if (changeField != null && latest != null) {
            LocalDateTime from = latest.minus(lookBack);
            for (int i = 0; i < keys.size(); i++) {
                LocalDateTime t = times.get(i);
                if (t != null && !t.isBefore(from)) {
                    remember.add(new SeenRow(keys.get(i), t));
                }
            }
        }
        if (!last) {
            return new Checkpoint(null, remember, null);
        }
        Watermark next;
        if (changeField == null || windows != null) {
            next = new Watermark(until, ""); // a window read to its end is the progress, whatever records it held
        } else if (latest == null || (stored != null && latest.isBefore(stored.changeTime()))) {
            next = null; // never move back, e.g. when a service ignored the since parameter
        } else {
            next = new Watermark(latest, latestKey);
        }
        return new Checkpoint(next, remember, next == null ? null : next.changeTime().minus(lookBack));
    }
}
