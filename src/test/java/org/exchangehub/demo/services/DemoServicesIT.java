package org.exchangehub.demo.services;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub with the demo: the civil-affairs feed pulls the simulated REST API into {@code person} and the
 * human-resources feed the simulated SOAP service into {@code social_insurance}, through the routes in
 * {@code routes/}, with the demo's known dirty rows quarantined.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DemoServicesIT {

    @TempDir
    static Path lake;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        String id = UUID.randomUUID().toString();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:services-" + id + ";DB_CLOSE_DELAY=-1");
        registry.add("hub.lake.root", () -> lake.toString());
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.market-regulation.database-name", () -> "mr-" + id);
        registry.add("hub.demo.market-regulation.rows", () -> "10");
        registry.add("hub.demo.market-regulation.trickle-interval", () -> "1h");
        registry.add("hub.demo.services.persons", () -> "200");
        registry.add("hub.demo.services.enrolments", () -> "150");
    }

    @Autowired
    FeedRegistry feeds;

    @Test
    void theCivilAffairsFeedDeliversPersonFromTheRestApi() {
        RunRecord run = feeds.feed("civil-affairs.persons").orElseThrow().runNow();

        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(200);
        assertThat(run.rowsRejected()).isEqualTo(50); // 5 dirty kinds in every 20 people
        assertThat(run.rowsDelivered()).isEqualTo(150);
        assertThat(lake.resolve("person")).isDirectory();
    }

    @Test
    void theHumanResourcesFeedDeliversSocialInsuranceFromTheSoapService() {
        RunRecord run = feeds.feed("human-resources.social-insurance").orElseThrow().runNow();

        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(150);
        assertThat(run.rowsRejected()).isEqualTo(30); // 5 dirty kinds in every 25 enrolments
        assertThat(lake.resolve("social_insurance")).isDirectory();
    }
}
