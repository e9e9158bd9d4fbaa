package org.exchangehub.source.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.config.Secret;

/**
 * Bearer tokens from an OAuth 2.0 token endpoint (client-credentials grant, client authenticated by HTTP
 * basic): a token is fetched when first needed, reused until shortly before its {@code expires_in} runs out,
 * and fetched again after it expired or the service refused it.
 */
final class TokenEndpoint implements Authentication {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration MAX_MARGIN = Duration.ofSeconds(30);

    private final URI tokenUrl;
    private final String clientId;
    private final Authentication client;
    private final String scope;
    private final ResilientHttp http;
    private final Clock clock;

    private Secret token;
    private Instant renewAt;

    TokenEndpoint(URI tokenUrl, String clientId, Secret clientSecret, String scope, ResilientHttp http, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.client = Authentication.basic(clientId, clientSecret);
        this.scope = scope;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public synchronized void apply(ServiceRequest request) {
        if (token == null || (renewAt != null && !clock.instant().isBefore(renewAt))) {
            fetch();
        }
        request.header("Authorization", "Bearer " + token.reveal());
    }

    @Override
    public synchronized boolean renewAfterRejection() {
        token = null;
        return true;
    }

    @Override
    public String describe() {
        return "a bearer token from " + tokenUrl + " for client '" + clientId + "'";
    }

    private void fetch() {
        StringBuilder form = new StringBuilder("grant_type=client_credentials");
        if (scope != null && !scope.isBlank()) {
            form.append("&scope=").append(URLEncoder.encode(scope, StandardCharsets.UTF_8));
        }
        Instant requestedAt = clock.instant();
        ServiceResponse response = http.send("POST " + tokenUrl, () -> ServiceRequest.post(tokenUrl, form.toString())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json"), client, r -> false);
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new HttpSourceException("The token endpoint " + tokenUrl + " did not answer JSON: " + e.getMessage());
        }
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isBlank()) {
            throw new HttpSourceException("The token endpoint " + tokenUrl
                    + " answered without an access_token; check tokenUrl, clientId and the client's grants");
        }
        token = Secret.of(accessToken);
        long expiresIn = body.path("expires_in").asLong(-1);
        if (expiresIn < 0) {
            renewAt = null; // renewed only when the service refuses it
        } else {
            Duration life = Duration.ofSeconds(expiresIn);
            Duration margin = life.dividedBy(10).compareTo(MAX_MARGIN) > 0 ? MAX_MARGIN : life.dividedBy(10);
            renewAt = requestedAt.plus(life).minus(margin);
        }
    }
}
