package org.exchangehub.kit;

import java.time.Duration;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Development reload of routes (the dev profile's settings): a route file edited under a running hub is rebuilt,
 * keeps its feed id and resumes from its stored watermark.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RouteReloadIT {

    private static final String FEED = "market-regulation.enterprises";
    private static final String ROUTE = "routes/market-regulation-enterprises.yaml";
    private static final ProjectCopy PROJECT = ProjectCopy.create();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, HubTestSupport.tempDir("lake"));
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.market-regulation.rows", () -> "300");
        registry.add("camel.main.routes-include-pattern", () -> "file:" + PROJECT.file("routes") + "/*.yaml");
        registry.add("camel.main.routes-reload-enabled", () -> "true");
        registry.add("camel.main.routes-reload-directory", () -> PROJECT.file("routes").toString());
        registry.add("camel.main.routes-reload-pattern", () -> "*.yaml");
        registry.add("camel.main.routes-reload-remove-all-routes", () -> "true");
    }

    @Autowired
    FeedRegistry feeds;

    @Test
    void anEditedRouteIsRebuiltUnderItsFeedIdAndResumesFromItsWatermark() throws Exception {
        FeedConsumer before = feeds.feed(FEED).orElseThrow();
        RunRecord first = before.runNow();
        assertThat(first.rowsRead()).isEqualTo(300);

        PROJECT.edit(ROUTE, "period: 60s", "period: 45s");

        await("the feed's source rebuilt").atMost(Duration.ofSeconds(30))
                .until(() -> feeds.feed(FEED).filter(c -> c != before).isPresent());
        RunRecord next = feeds.feed(FEED).orElseThrow().runNow();
        assertThat(next.feedId()).isEqualTo(FEED);
        assertThat(next.watermarkBefore()).isEqualTo(first.watermarkAfter());
        assertThat(next.rowsRead()).isZero();
    }
}
