package org.exchangehub.source.http;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request of a service pull and gets its whole answer, retrying what is worth retrying: 5xx, 429
 * (after the server's {@code Retry-After}), time-outs and refused connections, within the {@link RetryPolicy}.
 * A 401 fails at once with a message naming the authentication method, unless a token can be renewed; other
 * 4xx fail at once. Log lines name the request, never a header or body. The requests go out through
 * {@link CamelHttp} (camel-http).
 */
final class ResilientHttp {

    private static final Logger LOG = LoggerFactory.getLogger(ResilientHttp.class);

    private final CamelHttp client;
    private final RetryPolicy policy;
    private final Duration readTimeout;
    /** Paces the requests when the feed sets {@code maxRequestsPerSecond}; null without a limit. */
    private final double maxRequestsPerSecond;
    private volatile com.google.common.util.concurrent.RateLimiter pace;

    ResilientHttp(CamelHttp client, RetryPolicy policy) {
        this(client, policy, 0);
    }

    /** @param maxRequestsPerSecond most requests sent per second, retries included; 0 for no limit */
    ResilientHttp(CamelHttp client, RetryPolicy policy, double maxRequestsPerSecond) {
        this.client = client;
        this.policy = policy;
        this.readTimeout = client.readTimeout();
        this.maxRequestsPerSecond = maxRequestsPerSecond;
        startRun();
    }

    /** A run's pacing starts afresh: the idle time since the last run earns it no burst. */
    void startRun() {
        pace = maxRequestsPerSecond > 0
                ? com.google.common.util.concurrent.RateLimiter.create(maxRequestsPerSecond) : null;
    }

    /**
     * Sends the request built by {@code request} (built anew for each attempt) until it succeeds.
     *
     * @param what       the request as named in messages, e.g. {@code GET https://host/api/persons?page=2}
     * @param auth       adds credentials to each attempt
     * @param definitive answers with an error status that are final and go back to the caller as they are
     *                   (a SOAP Fault arrives as a 500)
     * @return the response: 2xx, or an error status that {@code definitive} accepted
     */
    ServiceResponse send(String what, Supplier<ServiceRequest> request, Authentication auth,
            Predicate<ServiceResponse> definitive) {
        long started = System.nanoTime();
        boolean renewed = false;
        int retry = 0;
        while (true) {
            ServiceRequest attempt = request.get();
            auth.apply(attempt);
            String failure;
            Duration retryAfter = null;
            try {
                var paced = pace;
                if (paced != null) {
                    paced.acquire();
                }
                ServiceResponse response = client.send(attempt);
                int status = response.statusCode();
                if (status / 100 == 2 || (status >= 400 && definitive.test(response))) {
                    return response;
                }
                if (status == 401) {
                    if (!renewed && auth.renewAfterRejection()) {
                        renewed = true;
                        continue;
                    }
                    throw new HttpSourceException(what + " was refused with 401 Unauthorized: the service did not accept "
                            + auth.describe() + "; check the credentials given to the route");
                }
                if (status == 407) {
                    HttpProxy proxy = client.proxy();
                    throw new HttpSourceException(what + " was refused with 407 Proxy Authentication Required by "
                            + (proxy == null ? "the JVM's proxy (http.proxyHost/https.proxyHost)" : proxy.describe())
                            + ": the proxy did not accept " + (proxy == null || proxy.username() == null
                                    ? "the request without credentials; give proxyAuthUsername and proxyAuthPassword"
                                    : "the credentials; check proxyAuthUsername and proxyAuthPassword"));
                }
                if (status == 403) {
                    throw new HttpSourceException(what + " was refused with 403 Forbidden: " + auth.describe()
                            + " is known to the service but may not read this resource");
                }
                if (status != 429 && status < 500) {
                    throw new HttpSourceException(what + " answered HTTP " + status
                            + "; check the URL and the request parameters of the route");
                }
                failure = "HTTP " + status;
                retryAfter = retryAfter(response).orElse(null);
            } catch (javax.net.ssl.SSLHandshakeException e) {
                throw new HttpSourceException(what + " failed the TLS handshake (" + e.getMessage() + "); if the"
                        + " service's certificate comes from a government or private CA, give its CA in trustStore", e);
            } catch (ConnectException | ConnectTimeoutException e) {
                failure = "connection failed (" + e.getClass().getSimpleName() + ")";
            } catch (SocketTimeoutException e) {
                failure = "no answer within readTimeout " + readTimeout.toMillis() + " ms";
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new HttpSourceException(what + " was interrupted", e);
                }
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            retry++;
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (retry > policy.maxRetries()) {
                throw new HttpSourceException(what + " failed: " + failure + ", still after " + policy.maxRetries()
                        + " retries in " + elapsed.toMillis() + " ms (options maxRetries, retryMaxElapsed)");
            }
            Duration delay = policy.delay(retry, retryAfter);
            if (elapsed.plus(delay).compareTo(policy.maxElapsed()) > 0) {
                throw new HttpSourceException(what + " failed: " + failure + "; a retry in " + delay.toMillis()
                        + " ms would end beyond retryMaxElapsed " + policy.maxElapsed().toMillis() + " ms (after "
                        + (retry - 1) + " retries)");
            }
            LOG.warn("{} failed: {}; retry {} of {} in {} ms", what, failure, retry, policy.maxRetries(),
                    delay.toMillis());
            pause(what, delay);
        }
    }

    private static void pause(String what, Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpSourceException(what + " was interrupted while waiting to retry", e);
        }
    }

    /** {@code Retry-After} as seconds or as an HTTP date. */
    static Optional<Duration> retryAfter(ServiceResponse response) {
        return response.firstHeader("Retry-After").map(String::trim).flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }
}
