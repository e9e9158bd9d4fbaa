package org.exchangehub.feed;

import java.time.Duration;

/**
 * A cheap check that a feed's source system can be reached (e.g. a JDBC connection's {@code isValid}), for
 * health checks between runs. A source that has no such check simply offers none.
 */
@FunctionalInterface
public interface SourceProbe {

    /**
     * Checks the source within about {@code timeout}.
     *
     * @throws Exception when the source cannot be reached; the message says why, without personal data
     */
    void check(Duration timeout) throws Exception;
}
