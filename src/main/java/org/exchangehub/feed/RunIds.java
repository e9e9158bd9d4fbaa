package org.exchangehub.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Run ids that sort by start time and are safe in file names: {@code 20261128T195800Z-3fa9c1}. */
final class RunIds {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private RunIds() {
    }

    static String next(Instant startedAt) {
        return FORMAT.format(startedAt) + "-" + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    }
}
