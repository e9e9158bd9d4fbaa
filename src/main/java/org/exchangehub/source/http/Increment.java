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
 */
final class Increment {

    private final String changeField;
    private final DateTimeFormatter format;
    private final ZoneId zone;
    private final Duration lookBack;
    private final LocalDateTime since;
    private final LocalDateTime until;
    private final Set<String> seen;
    private final Watermark stored;
    private LocalDateTime latest;
    private String latestKey;

    private Increment(String changeField, DateTimeFormatter format, ZoneId zone, Duration lookBack,
            LocalDateTime since, LocalDateTime until, Set<String> seen, Watermark stored) {
        this.changeField = changeField;
        this.format = format;
        this.zone = zone;
        this.lookBack = lookBack;
        this.since = since;
        this.until = until;
        this.seen = seen;
        this.stored = stored;
    }

    static Increment start(HttpSourceEndpoint e, StateStore state, String feedId, Clock clock) {
        ZoneId zone = e.zone();
        LocalDateTime until = LocalDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.SECONDS);
        Watermark stored = state.watermark(feedId).orElse(null);
        LocalDateTime since = stored == null ? e.initialSinceTime() : stored.changeTime().minus(e.lookBackDuration());
        Set<String> seen = stored != null && e.hasChangeField() ? state.seenSince(feedId, since) : Set.of();
        return new Increment(e.hasChangeField() ? e.getChangeField() : null, e.timeFormatter(), zone,
                e.lookBackDuration(), since, until, seen, stored);
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
            return false;
        }
        if (latest == null || changed.isAfter(latest)) {
            latest = changed;
            latestKey = key;
        }
        return true;
    }

    /** The checkpoint of a batch: rows to remember, and with the run's last batch the new watermark. */
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
        if (changeField == null) {
            next = new Watermark(until, "");
        } else if (latest == null || (stored != null && latest.isBefore(stored.changeTime()))) {
            next = null; // never move back, e.g. when a service ignored the since parameter
        } else {
            next = new Watermark(latest, latestKey);
        }
        return new Checkpoint(next, remember, next == null ? null : next.changeTime().minus(lookBack));
    }
}
