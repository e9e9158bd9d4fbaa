package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;

/** A source test against a stub HTTP server: the server and the feed under test, both closed after each test. */
abstract class StubServerFeedTest {

    final StubServer server;
    FeedHarness feed;

    StubServerFeedTest(StubServer server) {
        this.server = server;
    }

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        server.close();
    }

    /** The messages of the exception that kept the source's route from starting, outermost first. */
    String startFailure(String uri, Clock clock) {
        List<String> messages = new ArrayList<>();
        try {
            feed = new FeedHarness(uri, clock);
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
        }
        assertThat(messages).as("the route should not start").isNotEmpty();
        return String.join(" | ", messages);
    }

    /** The time windows the requests from {@code fromRequest} on asked for, in order, each named once. */
    List<String> windowsAsked(int fromRequest, Function<StubServer.Request, String> window) {
        List<String> windows = new ArrayList<>();
        for (StubServer.Request r : server.requests.subList(fromRequest, server.requests.size())) {
            String text = window.apply(r);
            if (windows.isEmpty() || !windows.get(windows.size() - 1).equals(text)) {
                windows.add(text);
            }
        }
        return windows;
    }
}
