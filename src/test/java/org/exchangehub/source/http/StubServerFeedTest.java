package org.exchangehub.source.http;

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
}
