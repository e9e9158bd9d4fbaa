package org.exchangehub.ops;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.exchangehub.ExchangeHubApplication;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.FeedStatus;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the operations tests: the whole hub with the web server on a random port, the test feed of
 * {@link OpsHub}, one shared application context. Each test starts with the feed paused and idle, so that only
 * the test decides when it runs.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = {ExchangeHubApplication.class, OpsHub.Beans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class OpsHubTest {

    @Autowired
    FeedRegistry registry;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry properties) {
        OpsHub.properties(properties);
    }

    @BeforeEach
    void pauseTheFeed() {
        await("the test feed to start").atMost(Duration.ofSeconds(20)).until(() -> registry.feed(OpsHub.FEED).isPresent());
        FeedConsumer feed = feed();
        feed.pause();
        await("the test feed to finish its run").atMost(Duration.ofSeconds(20))
                .until(() -> feed.status() != FeedStatus.RUNNING);
    }

    FeedConsumer feed() {
        return registry.feed(OpsHub.FEED).orElseThrow();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
