package org.exchangehub.source.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.exchangehub.config.Secret;

/**
 * How a service source proves who it is on every request: nothing, HTTP basic, a bearer token (given, or
 * fetched from a token endpoint and renewed when it expires), or an API key in a header. {@link #describe()}
 * names the method for error messages without revealing any secret.
 */
interface Authentication {

    Authentication NONE = new Authentication() {
        @Override
        public void apply(ServiceRequest request) {
        }

        @Override
        public String describe() {
            return "no authentication";
        }
    };

    /** Adds the credentials to a request about to be sent. */
    void apply(ServiceRequest request);

    /**
     * Called when the service answered 401: forgets a cached credential and says whether asking again with a
     * fresh one may succeed (only a token from a token endpoint can be renewed).
     */
    default boolean renewAfterRejection() {
        return false;
    }

    /** The method and the non-secret part of the credentials, for messages. */
    String describe();

    static Authentication basic(String username, Secret password) {
        String encoded = Base64.getEncoder().encodeToString(
                (username + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        return new Authentication() {
            @Override
            public void apply(ServiceRequest request) {
                request.header("Authorization", "Basic " + encoded);
            }

            @Override
            public String describe() {
                return "basic authentication as user '" + username + "'";
            }
        };
    }

    static Authentication bearer(Secret token) {
        return new Authentication() {
            @Override
            public void apply(ServiceRequest request) {
                request.header("Authorization", "Bearer " + token.reveal());
            }

            @Override
            public String describe() {
                return "a static bearer token (option token)";
            }
        };
    }

    static Authentication apiKey(String header, Secret key) {
        return new Authentication() {
            @Override
            public void apply(ServiceRequest request) {
                request.header(header, key.reveal());
            }

            @Override
            public String describe() {
                return "an API key in header " + header;
            }
        };
    }
}
