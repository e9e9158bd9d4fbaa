package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.config.Secret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tokens from a real token endpoint: reused while valid, fetched again once they expired. */
class TokenEndpointTest {

    private final StubServer server;
    private final AtomicInteger issued = new AtomicInteger();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final TokenEndpoint tokens;
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final CamelHttp client;

    TokenEndpointTest() throws Exception {
        server = StubServer.http().on("/token", r -> StubServer.Response.json(
                "{\"access_token\":\"t" + issued.incrementAndGet() + "\",\"expires_in\":300}"));
        camel.start();
        client = new CamelHttp(camel, URI.create(server.url("/token")), Duration.ofSeconds(5), Duration.ofSeconds(5),
                null, null);
        ResilientHttp http = new ResilientHttp(client,
                new RetryPolicy(0, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1)));
        tokens = new TokenEndpoint(URI.create(server.url("/token")), "hub", Secret.of("pw"), null, http, clock);
    }

    @AfterEach
    void stop() {
        client.close();
        camel.stop();
        server.close();
    }

    private String authorization() {
        ServiceRequest request = ServiceRequest.get(URI.create("http://127.0.0.1/"));
        tokens.apply(request);
        return request.header("Authorization");
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
