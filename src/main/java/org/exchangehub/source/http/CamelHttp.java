package org.exchangehub.source.http;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.hc.client5.http.impl.routing.SystemDefaultRoutePlanner;

/**
 * The HTTP client of one service source, on Camel's {@code camel-http} component: a component of its own (so that
 * the source's {@code connectTimeout}, {@code readTimeout} and trust store reach its connection pool), one
 * endpoint for the service's base URL and a producer that sends each {@link ServiceRequest} to the URL it names
 * (the token endpoint's too). Credentials travel only in the request's headers, never in an endpoint URI; retries
 * are {@link ResilientHttp}'s, so the client's own automatic retries are off.
 */
final class CamelHttp implements AutoCloseable {

    private final CamelContext context;
    private final Duration readTimeout;
    private final HttpComponent component;
    private final HttpProxy proxy;
    private Endpoint endpoint;
    private Producer producer;

    /**
     * @param base        the service's URL; only its scheme, host and port name the endpoint
     * @param trust       the trust of HTTPS connections, or null for the JVM's default trust
     * @param proxy       the source's own proxy, or null for the JVM's proxy settings
     */
    CamelHttp(CamelContext context, URI base, Duration connectTimeout, Duration readTimeout,
            SSLContextParameters trust, HttpProxy proxy) {
        this.context = context;
        this.readTimeout = readTimeout;
        this.proxy = proxy;
        component = new HttpComponent();
        component.setCamelContext(context);
        component.setConnectTimeout(connectTimeout.toMillis());
        component.setConnectionRequestTimeout(connectTimeout.toMillis());
        component.setResponseTimeout(readTimeout.toMillis());
        component.setSoTimeout(readTimeout.toMillis());
        component.setAutomaticRetriesDisabled(true);
        if (trust != null) {
            trust.setCamelContext(context);
            component.setSslContextParameters(trust);
        }
        if (proxy != null) {
            proxy.applyTo(component);
        } else {
            // the JVM's proxy settings (http.proxyHost, https.proxyHost, http.nonProxyHosts) apply, as they did
            // before; a route planner set here would override the source's own proxy, hence only without one
            component.setHttpClientConfigurer(builder -> builder.setRoutePlanner(
                    new SystemDefaultRoutePlanner(ProxySelector.getDefault())));
        }
        String origin = base.getScheme() + "://" + base.getRawAuthority();
        try {
            ServiceHelper.startService(component);
            endpoint = component.createEndpoint(origin
                    + "?throwExceptionOnFailure=false&followRedirects=true&copyHeaders=false");
            ServiceHelper.startService(endpoint);
            producer = endpoint.createProducer();
            ServiceHelper.startService(producer);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("The HTTP client for " + origin + " cannot start: " + e.getMessage(), e);
        }
    }

    /** The source's own proxy, or null; for messages. */
    HttpProxy proxy() {
        return proxy;
    }

    /** How long an attempt waits for the answer, for messages. */
    Duration readTimeout() {
        return readTimeout;
    }

    /**
     * Sends one request and reads its whole answer, whatever its status.
     *
     * @throws IOException when no answer came: refused, timed out, TLS failed
     */
    ServiceResponse send(ServiceRequest request) throws IOException {
        Exchange exchange = endpoint.createExchange();
        Message in = exchange.getIn();
        request.headers().forEach(in::setHeader);
        in.setHeader(Exchange.HTTP_METHOD, request.method());
        in.setHeader(Exchange.HTTP_URI, request.uri().toString());
        in.setBody(request.body());
        try {
            producer.process(exchange);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new HttpSourceException(request + " could not be sent: " + e.getMessage(), e);
        }
        if (exchange.getException() != null) {
            Exception e = exchange.getException();
            if (e instanceof IOException io) {
                throw io;
            }
            throw new HttpSourceException(request + " could not be sent: " + e.getMessage(), e);
        }
        Message out = exchange.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        byte[] body = out.getBody(byte[].class);
        return new ServiceResponse(status == null ? 0 : status, responseHeaders(out), body);
    }

    /**
     * The response's HTTP headers. camel-http splits a value at its commas (and merges repeated headers) into a
     * list; joined again with ", " it is the header as HTTP defines it, so a Retry-After date or a Link with
     * several relations reads as sent.
     */
    private static Map<String, List<String>> responseHeaders(Message out) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        out.getHeaders().forEach((name, value) -> {
            if (name.startsWith("Camel") || value == null) {
                return;
            }
            String text = value instanceof Iterable<?> parts
                    ? String.join(", ", java.util.stream.StreamSupport.stream(parts.spliterator(), false)
                            .map(String::valueOf).toList())
                    : String.valueOf(value);
            headers.put(name, List.of(text));
        });
        return headers;
    }

    @Override
    public void close() {
        ServiceHelper.stopAndShutdownServices(producer, endpoint, component);
    }
}
