package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Authentication of the REST source: basic, static bearer, token endpoint, API key; a refusal fails the run. */
@ExtendWith(OutputCaptureExtension.class)
class RestSourceAuthTest extends StubServerFeedTest {

    private static final String PATH = "/api/persons";
    private static final String TOKEN_PATH = "/oauth/token";
    private static final String PASSWORD = "s3cret-Pa55";

    RestSourceAuthTest() throws Exception {
        super(StubServer.http());
    }

    private void feed(String options) throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=3&recordsPath=data.items"
                + "&totalPath=data.total&changeField=updatedAt&sinceParam=updatedSince&maxRetries=0&" + options);
    }

    private static StubServer.Response people(StubServer.Request r, int total) {
        return People.page(total, Integer.parseInt(r.param("page")), 3, true);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void basicAuthenticationSendsTheCredentials() throws Exception {
        server.on(PATH, r -> basic("hub", PASSWORD).equals(r.headers().getFirst("Authorization")) ? people(r, 4)
                : StubServer.Response.status(401));
        feed("authentication=basic&username=hub&password=" + PASSWORD);

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 4));
    }

    @Test
    void a401FailsTheRunWithAClearMessageAndLeavesTheWatermark() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        server.on(PATH, r -> runs.get() == 1 ? people(r, 4) : StubServer.Response.status(401));
        feed("authentication=basic&username=hub&password=" + PASSWORD);
        runs.set(1);
        feed.run();
        String before = feed.watermark();
        runs.set(2);

        var run = feed.run();

        assertThat(before).isEqualTo("2026-03-01T10:00:04/P04");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("401 Unauthorized").contains("basic authentication as user 'hub'")
                .contains("check the credentials");
        assertThat(feed.watermark()).isEqualTo(before);
        assertThat(run.watermarkAfter()).isEqualTo(before);
    }

    @Test
    void secretsNeverReachTheLogOrTheExchangeLog(CapturedOutput output) throws Exception {
        server.on(PATH, r -> StubServer.Response.status(401));
        feed("authentication=basic&username=hub&password=" + PASSWORD);

        var run = feed.run();

        assertThat(run.error()).doesNotContain(PASSWORD);
        assertThat(output.getAll()).contains("401").doesNotContain(PASSWORD);
    }

    @Test
    void aStaticBearerTokenIsSent() throws Exception {
        server.on(PATH, r -> "Bearer abc.def".equals(r.headers().getFirst("Authorization")) ? people(r, 2)
                : StubServer.Response.status(401));
        feed("authentication=bearer&token=abc.def");

        assertThat(feed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 2));
    }

    @Test
    void anApiKeyGoesInItsHeader() throws Exception {
        server.on(PATH, r -> "k-123".equals(r.headers().getFirst("X-Gov-Key")) ? people(r, 2)
                : StubServer.Response.status(401));
        feed("authentication=api-key&apiKeyHeader=X-Gov-Key&apiKey=k-123");

        assertThat(feed.run().status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 2));
    }

    @Test
    void aTokenFromTheTokenEndpointIsReusedWhileValid() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        server.on(TOKEN_PATH, r -> StubServer.Response.json("{\"access_token\":\"t" + issued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
        server.on(PATH, r -> "Bearer t1".equals(r.headers().getFirst("Authorization")) ? people(r, 7)
                : StubServer.Response.status(401));
        feed("authentication=bearer&tokenUrl=" + server.url(TOKEN_PATH) + "&clientId=hub&clientSecret=" + PASSWORD);

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 7));
        assertThat(issued).hasValue(1);
        assertThat(server.requestsTo(TOKEN_PATH).get(0).headers().getFirst("Authorization"))
                .isEqualTo(basic("hub", PASSWORD));
        assertThat(server.requestsTo(TOKEN_PATH).get(0).body()).isEqualTo("grant_type=client_credentials");
    }

    @Test
    void aTokenTheServiceNoLongerAcceptsIsRenewedOnceAndTheRunGoesOn() throws Exception {
        AtomicInteger issued = new AtomicInteger();
        Set<String> revoked = ConcurrentHashMap.newKeySet();
        server.on(TOKEN_PATH, r -> StubServer.Response.json("{\"access_token\":\"t" + issued.incrementAndGet()
                + "\",\"expires_in\":3600}"));
        server.on(PATH, r -> {
            String auth = r.headers().getFirst("Authorization");
            if (revoked.contains(auth)) {
                return StubServer.Response.status(401);
            }
            if (r.param("page").equals("2")) {
                revoked.add(auth); // expires on the server's side after page 2
            }
            return people(r, 8);
        });
        feed("authentication=bearer&tokenUrl=" + server.url(TOKEN_PATH) + "&clientId=hub&clientSecret=" + PASSWORD);

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 8));
        assertThat(issued).hasValue(2);
    }

    @Test
    void aTokenEndpointThatRefusesTheClientFailsTheRun() throws Exception {
        server.on(TOKEN_PATH, r -> StubServer.Response.status(401));
        server.on(PATH, r -> people(r, 2));
        feed("authentication=bearer&tokenUrl=" + server.url(TOKEN_PATH) + "&clientId=hub&clientSecret=wrong");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("POST " + server.url(TOKEN_PATH)).contains("401")
                .contains("basic authentication as user 'hub'");
        assertThat(server.requestsTo(PATH)).isEmpty();
    }
}
