package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.ExchangeHubApplication;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.source.http.ForwardProxy;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Passwords and tokens from configuration — the state store's, the department FTP server's, a REST client secret, a
 * SOAP password (right and wrong), a proxy's password, the operations users' — planted with unique values, then
 * every demo feed run (one through a proxy that wants credentials) and one refused: none of them appears in the logs, in any JMX attribute (what Hawtio and jconsole show), in any
 * actuator endpoint or Jolokia read, or in the exchange log. Viewers read over Jolokia but never execute or write.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(classes = ExchangeHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecretsNeverShownIT {

    private static final String OPERATOR = "secrets-op";
    private static final String VIEWER = "secrets-viewer";
    private static final Map<String, String> PLANTED = Map.of(
            "spring.datasource.password", "Planted-StateDb-f46",
            "hub.demo.public-security.password", "Planted-FtpPassword-e55",
            "hub.demo.services.civil-affairs-client-secret", "Planted-ClientSecret-c73",
            "hub.demo.services.human-resources-password", "Planted-SoapPassword-d64",
            "secrets.wrong-password", "Planted-WrongPassword-g37",
            "secrets.proxy-password", "Planted-ProxyPassword-h28",
            "operator", "Planted-Operator-a91",
            "viewer", "Planted-Viewer-b82");
    private static final Path LAKE = HubTestSupport.tempDir("secrets-lake");
    /** The proxy that feed secrets.through-proxy must authenticate at, with the planted proxy password. */
    private static final ForwardProxy PROXY = proxy();

    @Autowired
    FeedRegistry feeds;

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.market-regulation.rows", () -> "200");
        registry.add("camel.main.routes-include-pattern",
                () -> "file:routes/*.yaml,file:src/test/resources/secrets/routes/*.yaml");
        PLANTED.forEach((key, value) -> {
            if (key.contains(".")) {
                registry.add(key, () -> value);
            }
        });
        registry.add("secrets.proxy-port", PROXY::port);
        registry.add("hub.ops.users[0].name", () -> OPERATOR);
        registry.add("hub.ops.users[0].password", () -> "{noop}" + PLANTED.get("operator"));
        registry.add("hub.ops.users[0].roles", () -> "operator");
        registry.add("hub.ops.users[1].name", () -> VIEWER);
        registry.add("hub.ops.users[1].password", () -> "{noop}" + PLANTED.get("viewer"));
        registry.add("hub.ops.users[1].roles", () -> "viewer");
    }

    /** Every feed has run once (the wrong password's run failed) before a test looks, its output captured. */
    @BeforeAll
    static void runEveryFeedOnce(@Autowired FeedRegistry feeds) {
        for (FeedConsumer feed : feeds.feeds()) {
            RunRecord run = feed.runNow();
            assertThat(run.status()).as(feed.feedId()).isEqualTo(feed.feedId().equals("secrets.wrong-password")
                    ? RunStatus.FAILED : RunStatus.SUCCEEDED);
        }
        assertThat(PROXY.forwarded).as("secrets.through-proxy went through the proxy").isNotEmpty();
    }

    private static ForwardProxy proxy() {
        try {
            return ForwardProxy.withAuthentication("exchange-hub", PLANTED.get("secrets.proxy-password"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void stopProxy() {
        PROXY.close();
    }

    private TestRestTemplate operator() {
        return http.withBasicAuth(OPERATOR, PLANTED.get("operator"));
    }

    private TestRestTemplate viewer() {
        return http.withBasicAuth(VIEWER, PLANTED.get("viewer"));
    }

    private static void assertNoSecretIn(String what, String text) {
        PLANTED.values().forEach(secret -> assertThat(text).as(what).doesNotContain(secret));
    }

    @Test
    void noPlantedSecretAppearsInTheLogs(CapturedOutput output) {
        assertThat(output.getAll()).contains("secrets.wrong-password").contains("401");
        assertNoSecretIn("logs", output.getAll());
    }

    @Test
    void noPlantedSecretAppearsInAnyJmxAttribute() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (ObjectName name : server.queryNames(null, null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (!attribute.isReadable()) {
                    continue;
                }
                try {
                    values.add(name + " " + attribute.getName() + " = " + server.getAttribute(name, attribute.getName()));
                } catch (Exception | LinkageError unreadable) {
                    // some platform attributes are unsupported here; what cannot be read cannot be shown
                }
            }
        }

        assertThat(values).hasSizeGreaterThan(500);
        values.forEach(v -> assertNoSecretIn("JMX attribute", v));
    }

    @Test
    void noPlantedSecretAppearsInAnyActuatorEndpointOrJolokiaRead() throws Exception {
        JsonNode links = new ObjectMapper().readTree(operator().getForObject("/actuator", String.class)).path("_links");
        List<String> answers = new ArrayList<>();
        links.forEach(link -> {
            if (!link.path("templated").asBoolean()) {
                answers.add(operator().getForObject(link.path("href").asText(), String.class));
            }
        });
        answers.add(operator().getForObject("/actuator/jolokia/read/org.apache.camel:*", String.class));
        answers.add(operator().getForObject("/actuator/jolokia/read/exchangehub:*", String.class));
        answers.add(operator().getForObject("/actuator/jolokia/list", String.class));

        assertThat(links.size()).isGreaterThanOrEqualTo(5);
        assertThat(answers.get(answers.size() - 3)).contains("EndpointUri");
        answers.forEach(a -> assertNoSecretIn("actuator", String.valueOf(a)));
    }

    @Test
    void noPlantedSecretAppearsInTheExchangeLog() {
        String runs = operator().getForObject("/ops/exchange-log/runs", String.class);

        assertThat(runs).contains("secrets.wrong-password").contains("401");
        assertNoSecretIn("exchange log", runs);
    }

    @Test
    void aViewerReadsAFeedMBeanOverJolokia() {
        var answer = viewer().getForEntity("/actuator/jolokia/read/exchangehub:type=Feed,name=market-regulation"
                + ".enterprises/Status", String.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody()).contains("\"status\":200");
    }

    @Test
    void aViewersJolokiaExecIsRefused() {
        assertThat(viewer().getForEntity("/actuator/jolokia/exec/exchangehub:type=Feed,name=market-regulation"
                + ".enterprises/pause", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer().getForEntity("/actuator/jolokia/read/java.lang:type=Memory?p=/exec/exchangehub:type=Feed,"
                + "name=market-regulation.enterprises/pause", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(feeds.feed("market-regulation.enterprises").orElseThrow().isPaused()).isFalse();
    }

    @Test
    void aViewersJolokiaWriteAndPostAreRefused() {
        assertThat(viewer().getForEntity("/actuator/jolokia/write/java.lang:type=Memory/Verbose/true", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        // with the CSRF token a browser would send, so that only the role decides
        var page = viewer().getForEntity("/ops/exchange-log/runs", String.class);
        String cookie = page.getHeaders().get(org.springframework.http.HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow().split(";")[0];
        var headers = new org.springframework.http.HttpHeaders();
        headers.add(org.springframework.http.HttpHeaders.COOKIE, cookie);
        headers.add("X-XSRF-TOKEN", cookie.substring("XSRF-TOKEN=".length()));
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        var post = new org.springframework.http.HttpEntity<>("{\"type\":\"exec\",\"mbean\":\"exchangehub:type=Feed,"
                + "name=market-regulation.enterprises\",\"operation\":\"pause\"}", headers);

        assertThat(viewer().postForEntity("/actuator/jolokia", post, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(feeds.feed("market-regulation.enterprises").orElseThrow().isPaused()).isFalse();
    }
}
