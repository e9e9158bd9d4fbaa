package org.exchangehub.source.http;

import java.time.Duration;

/**
 * How a request that failed transiently (5xx, 429, a time-out, a refused connection) is retried: exponential
 * back-off from {@code initialDelay}, doubled each time up to {@code maxDelay}, at most {@code maxRetries}
 * times and never beyond {@code maxElapsed} in all. A server's {@code Retry-After} replaces the back-off delay
 * (it is honoured even above {@code maxDelay}, but a wait that would end beyond {@code maxElapsed} gives up).
 */
record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxElapsed) {

    /** The delay before retry number {@code retry} (1-based), or the server's wish when it gave one. */
    Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.isNegative() ? Duration.ZERO : retryAfter;
        }
        long factor = 1L << Math.min(30, retry - 1);
        long millis = initialDelay.toMillis() > Long.MAX_VALUE / factor ? Long.MAX_VALUE
                : initialDelay.toMillis() * factor;
        Duration d = Duration.ofMillis(millis);
        return d.compareTo(maxDelay) > 0 ? maxDelay : d;
    }
}
