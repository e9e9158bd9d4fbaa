package org.exchangehub.source.http;

import java.time.LocalDateTime;

/**
 * One time window of a service pull, in the service's time zone: from {@code start} (inclusive) to {@code end}
 * (exclusive). Without windows a run's whole increment is one window, whose start is null on a first run
 * without {@code initialSince}.
 */
record Window(LocalDateTime start, LocalDateTime end) {
}
