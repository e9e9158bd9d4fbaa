package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sources' camel-http client: requests go out as built, and answers come back with their headers as sent. */
class CamelHttpTest {

    private static final String PATH = "/api/persons";

    private final StubServer server;
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final CamelHttp client;

    CamelHttpTest() throws Exception {
        server = StubServer.http();
        camel.start();
        client = new CamelHttp(camel, URI.create(server.url(PATH)), Duration.ofSeconds(5), Duration.ofSeconds(5), null,
                null);
    }

    @AfterEach
    void stop() {
        client.close();
        camel.stop();
        server.close();
    }

    @Test
    void aRetryAfterDateWithItsCommaReadsAsSent() throws Exception {
        server.on(PATH, r -> StubServer.Response.status(503).header("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT"));

        ServiceResponse response = client.send(ServiceRequest.get(URI.create(server.url(PATH))));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.firstHeader("retry-after")).hasValue("Wed, 21 Oct 2099 07:28:00 GMT");
    }

    @Test
    void aLinkHeaderWithSeveralRelationsReadsAsSent() throws Exception {
        String link = "<" + server.url(PATH) + "?page=2>; rel=\"next\", <" + server.url(PATH) + "?page=9>; rel=\"last\"";
        server.on(PATH, r -> StubServer.Response.json("{}").header("Link", link));

        ServiceResponse response = client.send(ServiceRequest.get(URI.create(server.url(PATH))));

        assertThat(response.allHeaders("Link")).containsExactly(link);
    }

    @Test
    void theRequestGoesToItsOwnUrlWithItsQueryHeadersAndBody() throws Exception {
        server.on(PATH, r -> StubServer.Response.json("{\"ok\":true}"));

        ServiceResponse response = client.send(ServiceRequest.post(URI.create(server.url(PATH) + "?since=2026-03-01T10%3A00"),
                "{\"page\":1}").header("Content-Type", "application/json").header("Authorization", "Bearer t1"));

        StubServer.Request seen = server.requestsTo(PATH).get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.param("since")).isEqualTo("2026-03-01T10:00");
        assertThat(seen.headers().getFirst("Authorization")).isEqualTo("Bearer t1");
        assertThat(seen.body()).isEqualTo("{\"page\":1}");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
    }
}
