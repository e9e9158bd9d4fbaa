package org.exchangehub.source.http;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request of a service pull as the hub builds it (method, URL, headers, body), sent through {@link CamelHttp}.
 * A header set twice keeps the last value, whatever its case; header values never appear in {@link #toString()}.
 */
final class ServiceRequest {

    private final String method;
    private final URI uri;
    private final byte[] body;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    private ServiceRequest(String method, URI uri, byte[] body) {
        this.method = method;
        this.uri = uri;
        this.body = body;
    }

    static ServiceRequest get(URI uri) {
        return new ServiceRequest("GET", uri, null);
    }

    static ServiceRequest post(URI uri, String body) {
        return new ServiceRequest("POST", uri, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets a header, replacing a value it had. */
    ServiceRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The value of a header, or null. */
    String header(String name) {
        return headers.get(name);
    }

    String method() {
        return method;
    }

    URI uri() {
        return uri;
    }

    /** The body, or null for a request without one. */
    byte[] body() {
        return body;
    }

    Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }

    @Override
    public String toString() {
        return method + " " + uri;
    }
}
