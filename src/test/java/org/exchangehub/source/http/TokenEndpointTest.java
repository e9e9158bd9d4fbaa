package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.exchangehub.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens from a real token endpoint: reused while valid, fetched again once they expired. */
class TokenEndpointTest {

    private final StubServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final TokenEndpoint tokens;

    TokenEndpointTest() throws Exception {
        server = StubServer.http().on("/token", r -> StubServer.Response.json(
                "{\"access_token\":\"t" + issued.incrementAndGet() + "\",\"expires_in\":300}"));
        ResilientHttp http = new ResilientHttp(HttpClient.newHttpClient(),
                new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)),
                Duration.ofSeconds(5));
        tokens = new TokenEndpoint(URI.create(server.url("/token")), "hub", Secret.of("pw"), null, http, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String authorization() {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1/"));
        tokens.apply(b);
        return b.build().headers().firstValue("Authorization").orElseThrow();
    }

    @Test
    void theTokenIsReusedUntilShortlyBeforeItExpires() {
        authorization();
        clock.advance(Duration.ofSeconds(269));

        assertThat(authorization()).isEqualTo("Bearer t1");
        assertThat(issued).hasValue(1);
    }

    @Test
    void theTokenEndpointIsCalledAgainAfterTheTokenExpires() {
        authorization();
        clock.advance(Duration.ofSeconds(301));

        assertThat(authorization()).isEqualTo("Bearer t2");
        assertThat(server.requestsTo("/token")).hasSize(2);
    }

    @Test
    void theTokenIsNeverShownByTheAuthentication() {
        authorization();

        assertThat(tokens.describe()).doesNotContain("t1").doesNotContain("pw");
    }
}
