package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

class OpsWebTest extends OpsHubTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    StateStore state;

    private TestRestTemplate operator() {
        return http.withBasicAuth(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD);
    }

    @Test
    void theHawtioConsoleAnswers401WithoutCredentialsAnd200WithThem() {
        assertThat(http.getForEntity(url("/actuator/hawtio/"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> page = operator().getForEntity(url("/actuator/hawtio/"), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).containsIgnoringCase("hawtio");
    }

    @Test
    void jolokiaAnswers401WithoutCredentialsAnd200WithThemAndReadsTheFeedMBean() {
        String read = "/actuator/hawtio/jolokia/read/exchangehub:type=Feed,name=" + OpsHub.FEED + "/Status";
        assertThat(http.getForEntity(url(read), String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity(url("/actuator/jolokia/version"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> answer = operator().getForEntity(url(read), String.class);
        ResponseEntity<String> direct = operator().getForEntity(
                url("/actuator/jolokia/read/exchangehub:type=Feed,name=" + OpsHub.FEED + "/Status"), String.class);
        assertThat(direct.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("PAUSED");
    }

    @Test
    void aViewerMayNotUseTheConsole() {
        assertThat(http.withBasicAuth(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD)
                .getForEntity(url("/actuator/hawtio/"), String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void theExchangeLogNeedsCredentialsAndListsRunsWithReceipts() {
        OpsHub.insert(OpsHub.idNumber(true), "01");
        RunRecord run = feed().runNow();
        assertThat(http.getForEntity(url("/ops/exchange-log/runs"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        ResponseEntity<List> runs = http.withBasicAuth(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD)
                .getForEntity(url("/ops/exchange-log/runs?feed=" + OpsHub.FEED + "&limit=5"), List.class);

        assertThat(runs.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<?, ?> newest = (Map<?, ?>) runs.getBody().get(0);
        assertThat(newest.get("runId")).isEqualTo(run.runId());
        assertThat(newest.get("rowsRead")).isEqualTo(1);
        assertThat(((Map<?, ?>) newest.get("receipt")).containsKey("deliveries")).isTrue();
    }

    @Test
    void anUnknownRunIs404() {
        assertThat(operator().getForEntity(url("/ops/exchange-log/runs/nope"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void healthGoesDownWhenTheSourceIsUnreachableAndUpWhenItReturns() {
        String health = url("/actuator/health/feeds/" + OpsHub.FEED);
        assertThat(http.getForEntity(health, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        OpsHub.stopDatabase();
        try {
            await("health DOWN").atMost(Duration.ofSeconds(15))
                    .until(() -> http.getForEntity(health, String.class).getStatusCode()
                            == HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(operator().getForEntity(health, String.class).getBody()).contains("unreachable");
        } finally {
            OpsHub.restartDatabase();
        }
        await("health UP again").atMost(Duration.ofSeconds(15))
                .until(() -> http.getForEntity(health, String.class).getStatusCode() == HttpStatus.OK);
    }

    @Test
    void prometheusExposesThePerFeedCountersWithTheExchangeLogsValues() {
        OpsHub.insert(OpsHub.idNumber(true), "01");
        OpsHub.insert("350102199003070000", "01"); // wrong check character: rejected
        feed().runNow();

        String metrics = operator().getForEntity(url("/actuator/prometheus"), String.class).getBody();

        List<RunRecord> runs = state.runs(OpsHub.FEED, 100_000);
        long read = runs.stream().mapToLong(RunRecord::rowsRead).sum();
        long delivered = runs.stream().mapToLong(RunRecord::rowsDelivered).sum();
        long rejected = runs.stream().mapToLong(RunRecord::rowsRejected).sum();
        assertThat(rejected).isPositive();
        assertThat(metric(metrics, "hub_feed_rows_read_total")).isEqualTo(read);
        assertThat(metric(metrics, "hub_feed_rows_delivered_total")).isEqualTo(delivered);
        assertThat(metric(metrics, "hub_feed_rows_rejected_total")).isEqualTo(rejected);
        assertThat(metric(metrics, "hub_feed_runs_total{feed=\"" + OpsHub.FEED + "\",outcome=\"SUCCEEDED\"}"))
                .isEqualTo(runs.stream().filter(r -> r.status().name().equals("SUCCEEDED")).count());
        assertThat(metrics).contains("hub_feed_rejections_total{feed=\"" + OpsHub.FEED + "\",reason=\"INVALID_ID_NUMBER\"}")
                .contains("hub_feed_run_duration_seconds_count{feed=\"" + OpsHub.FEED + "\"}")
                .contains("hub_feed_lag_seconds{feed=\"" + OpsHub.FEED + "\"}");
    }

    @Test
    void healthAndMetricsSayWhichInstanceRunsTheFeed() {
        String instance = org.exchangehub.state.InstanceId.ofThisProcess();

        String health = operator().getForEntity(url("/actuator/health/feeds/" + OpsHub.FEED), String.class).getBody();
        String metrics = operator().getForEntity(url("/actuator/prometheus"), String.class).getBody();

        assertThat(health).contains("\"leader\":true").contains("\"instance\":\"" + instance + "\"");
        assertThat(metric(metrics, "hub_feed_leader{feed=\"" + OpsHub.FEED + "\",instance=\"" + instance + "\"}"))
                .isEqualTo(1);
    }

    @Test
    void prometheusNeedsCredentials() {
        assertThat(http.getForEntity(url("/actuator/prometheus"), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private static long metric(String metrics, String name) {
        String prefix = name.contains("{") ? name : name + "{feed=\"" + OpsHub.FEED + "\"";
        return metrics.lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " not in /actuator/prometheus"));
    }
}
