package org.exchangehub.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run ids that sort strictly by start time and are safe in file names: {@code 20261128T195800123Z-3fa9c1}
 * (UTC to the millisecond, then a random tag that keeps ids of several hub instances apart). Within one hub, two
 * runs never share a millisecond: a run started in the same millisecond as the previous one takes the next, so
 * the ids of runs started in the same second still sort in the order the runs started.
 */
final class RunIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final AtomicLong LAST_MILLIS = new AtomicLong();

    private RunIds() {
    }

    static String next(Instant startedAt) {
        long wanted = startedAt.toEpochMilli();
        long millis = LAST_MILLIS.updateAndGet(last -> Math.max(last + 1, wanted));
        return FORMAT.format(Instant.ofEpochMilli(millis)) + "-"
                + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }
}
