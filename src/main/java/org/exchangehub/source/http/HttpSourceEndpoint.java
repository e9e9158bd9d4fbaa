package org.exchangehub.source.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.camel.Component;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.exchangehub.config.ConfigException;
import org.exchangehub.config.Secret;
import org.exchangehub.feed.Durations;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;

/**
 * The options every service pull shares, REST or SOAP: where the service is, how the hub authenticates, how
 * long it waits and retries, whom it trusts over HTTPS, how big a page is, the incremental window and the time
 * windows it walks. Options are declared once here and checked when the endpoint is created, so a bad
 * combination stops the route.
 */
public abstract class HttpSourceEndpoint extends ScheduledPollEndpoint {

    private static final long DEFAULT_DELAY_MS = 60_000;
    static final String DEFAULT_TIME_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

    @UriPath(description = "The service's URL (http or https), without the paging and incremental parameters.")
    @Metadata(required = true)
    private final String url;

    @UriParam(description = "The feed id. Defaults to the id of the route that consumes this source.")
    private String feed;

    @UriParam(label = "security", defaultValue = "none", enums = "none,basic,bearer,api-key",
            description = "How the hub authenticates: none; basic (username, password); bearer (a static token, or"
                    + " one fetched from tokenUrl with clientId and clientSecret and renewed when it expires); api-key"
                    + " (apiKey in the header apiKeyHeader).")
    private String authentication = "none";

    @UriParam(label = "security", description = "The user for basic authentication.")
    private String username;

    @UriParam(label = "security", secret = true, description = "The password for basic authentication.")
    private Secret password = Secret.NONE;

    @UriParam(label = "security", secret = true, description = "A static bearer token (authentication=bearer"
            + " without tokenUrl).")
    private Secret token = Secret.NONE;

    @UriParam(label = "security", description = "The OAuth 2.0 token endpoint (client-credentials grant) that"
            + " issues bearer tokens.")
    private String tokenUrl;

    @UriParam(label = "security", description = "The client id at the token endpoint.")
    private String clientId;

    @UriParam(label = "security", secret = true, description = "The client secret at the token endpoint.")
    private Secret clientSecret = Secret.NONE;

    @UriParam(label = "security", description = "The scope to ask the token endpoint for, if it wants one.")
    private String scope;

    @UriParam(label = "security", defaultValue = "X-API-Key", description = "The header that carries the API key.")
    private String apiKeyHeader = "X-API-Key";

    @UriParam(label = "security", secret = true, description = "The API key (authentication=api-key).")
    private Secret apiKey = Secret.NONE;

    @UriParam(label = "security", description = "A trust store file holding the CA of the service's certificate,"
            + " for HTTPS with a government or private CA. The JVM's default trust when empty.")
    private String trustStore;

    @UriParam(label = "security", secret = true, description = "The trust store's password.")
    private Secret trustStorePassword = Secret.NONE;

    @UriParam(label = "security", defaultValue = "PKCS12", description = "The trust store's type (PKCS12 or JKS).")
    private String trustStoreType = "PKCS12";

    @UriParam(label = "proxy", description = "The HTTP proxy's host name, when the service is reached through a"
            + " proxy; needs proxyPort. Without it the JVM's proxy settings (http.proxyHost, https.proxyHost) apply.")
    private String proxyHost;

    @UriParam(label = "proxy", description = "The HTTP proxy's port (1 to 65535).")
    private String proxyPort;

    @UriParam(label = "proxy", defaultValue = "http", enums = "http,https", description = "How the hub speaks to"
            + " the proxy: http (also for HTTPS services, which go through CONNECT) or https for a proxy on TLS.")
    private String proxyScheme = "http";

    @UriParam(label = "proxy,security", description = "The user for basic authentication at the proxy; needs"
            + " proxyAuthPassword.")
    private String proxyAuthUsername;

    @UriParam(label = "proxy,security", secret = true, description = "The password for basic authentication at"
            + " the proxy.")
    private Secret proxyAuthPassword = Secret.NONE;

    @UriParam(label = "proxy", description = "Hosts reached directly, not through the proxy: comma-separated, *"
            + " as a wildcard (e.g. localhost,*.gov.local).")
    private String nonProxyHosts;

    @UriParam(defaultValue = "10s", description = "How long to wait for a connection (e.g. 10s).")
    private String connectTimeout = "10s";

    @UriParam(defaultValue = "60s", description = "How long to wait for a response before the attempt counts as"
            + " timed out and is retried (e.g. 60s).")
    private String readTimeout = "60s";

    @UriParam(defaultValue = "5", description = "Retries of a request that failed with 5xx, 429, a time-out or a"
            + " refused connection; 0 turns retrying off.")
    private int maxRetries = 5;

    @UriParam(defaultValue = "1s", description = "The first retry's delay; each further retry doubles it.")
    private String retryInitialDelay = "1s";

    @UriParam(defaultValue = "30s", description = "The longest back-off delay between two retries.")
    private String retryMaxDelay = "30s";

    @UriParam(defaultValue = "5m", description = "The most time one request may spend retrying in all; a retry"
            + " (or a Retry-After wait) that would end later fails the run instead.")
    private String retryMaxElapsed = "5m";

    @UriParam(defaultValue = "100", description = "Records asked for per page; each page is one batch.")
    private int pageSize = 100;

    @UriParam(defaultValue = "1", description = "The number of the first page (0 or 1, as the service counts).")
    private int firstPage = 1;

    @UriParam(defaultValue = "0", description = "Most pages read in one run (0: no limit); a guard against a"
            + " service that never ends its paging.")
    private int maxPages;

    @UriParam(defaultValue = "0", description = "Most requests sent per second, retries and token requests"
            + " included (0: no limit): a gentle pull that the service's rate limits allow.")
    private double maxRequestsPerSecond;

    @UriParam(description = "The record field holding the record's change time. The latest becomes the watermark;"
            + " without it the watermark is the end of each run's window (its start time).")
    private String changeField;

    @UriParam(defaultValue = DEFAULT_TIME_FORMAT, description = "The pattern (java.time) of the since/until"
            + " values sent to the service and of changeField values.")
    private String timeFormat = DEFAULT_TIME_FORMAT;

    @UriParam(description = "The service's time zone (e.g. Asia/Shanghai); the hub's when empty.")
    private String timeZone;

    @UriParam(description = "The since value of the very first run, in timeFormat; without it the first run asks"
            + " for everything.")
    private String initialSince;

    @UriParam(defaultValue = "0s", description = "How far before the watermark each run asks from, for records that"
            + " a service commits late; records already delivered are skipped.")
    private String lookBack = "0s";

    @UriParam(label = "windows", description = "The start of the first time window (yyyy-MM-dd or"
            + " yyyy-MM-ddTHH:mm:ss, in timeZone), read on the first run; later runs go on from the watermark."
            + " Needs windowLength.")
    private String windowStart;

    @UriParam(label = "windows", description = "Walk time windows of this length, each asked for with its own start"
            + " and end, from the watermark up to now: a calendar period (P1Y, P6M, P366D) or a duration (30d, 12h)."
            + " No windows when empty.")
    private String windowLength;

    @UriParam(label = "windows", defaultValue = ServiceWindows.DEFAULT_MAX_LENGTH, description = "The longest"
            + " window the service accepts; a windowLength that could exceed it stops the route.")
    private String windowMaxLength = ServiceWindows.DEFAULT_MAX_LENGTH;

    @UriParam(label = "windows", defaultValue = ServiceWindows.DEFAULT_LAG, description = "How long before now"
            + " the last window ends (e.g. 1h, for records a service commits late).")
    private String windowLag = ServiceWindows.DEFAULT_LAG;

    @UriParam(label = "windows", description = "The pattern (java.time) in which the window's start and end are"
            + " written into the request, e.g. yyyy-MM-dd; timeFormat when empty. A date-only pattern walks whole"
            + " days.")
    private String windowFormat;

    @UriParam(label = "windows", defaultValue = "false", description = "Whether the service reads the window's end"
            + " as inclusive: the end is then written as the last value inside the window (e.g. 2023-12-31 for a"
            + " window ending 2024-01-01 in yyyy-MM-dd).")
    private boolean windowEndInclusive;

    @UriParam(description = "The record field that is its key in the source (lineage _source_key); the page and"
            + " position when empty.")
    private String keyField;

    @UriParam(description = "Comma-separated record fields to read (dotted for nested objects or elements, e.g. address.city)."
            + " Give them when the service leaves out empty fields; every field seen when empty.")
    private String fields;

    private DateTimeFormatter timeFormatter;
    private ServiceWindows windows;

    protected HttpSourceEndpoint(String uri, Component component, String url) {
        super(uri, component);
        this.url = url;
    }

    /** The scheme, for messages. */
    protected abstract String scheme();

    @Override
    public long getDefaultDelay() {
        return DEFAULT_DELAY_MS;
    }

    @Override
    public Producer createProducer() {
        throw new UnsupportedOperationException(scheme() + " is a source only; it cannot be used in 'to'");
    }

    /** Fails fast on impossible options, naming the option. */
    void validate() {
        URI uri = uri();
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                || uri.getHost() == null) {
            fail("url", url, "is not an http or https URL");
        }
        switch (authentication()) {
            case "none" -> { }
            case "basic" -> {
                require("username", username, "authentication=basic");
                require("password", password.reveal(), "authentication=basic");
            }
            case "bearer" -> {
                if (tokenUrl == null || tokenUrl.isBlank()) {
                    require("token", token.reveal(), "authentication=bearer without tokenUrl");
                } else {
                    require("clientId", clientId, "tokenUrl");
                    require("clientSecret", clientSecret.reveal(), "tokenUrl");
                    URI t = URI.create(tokenUrl.trim());
                    if (t.getScheme() == null || t.getHost() == null) {
                        fail("tokenUrl", tokenUrl, "is not an http or https URL");
                    }
                }
            }
            case "api-key" -> {
                require("apiKeyHeader", apiKeyHeader, "authentication=api-key");
                require("apiKey", apiKey.reveal(), "authentication=api-key");
            }
            default -> fail("authentication", authentication, "is not one of none, basic, bearer, api-key");
        }
        positive("pageSize", pageSize);
        if (maxRetries < 0) {
            fail("maxRetries", String.valueOf(maxRetries), "must be 0 or more");
        }
        if (maxRequestsPerSecond < 0) {
            fail("maxRequestsPerSecond", String.valueOf(maxRequestsPerSecond), "must be 0 (no limit) or more");
        }
        if (maxPages < 0) {
            fail("maxPages", String.valueOf(maxPages), "must be 0 (no limit) or more");
        }
        duration("connectTimeout", connectTimeout);
        duration("readTimeout", readTimeout);
        duration("retryInitialDelay", retryInitialDelay);
        duration("retryMaxDelay", retryMaxDelay);
        duration("retryMaxElapsed", retryMaxElapsed);
        lookBackDuration();
        zone();
        timeFormatter();
        initialSinceTime();
        windows();
        TrustStores.context(trustStore, trustStorePassword, trustStoreType);
        proxy();
    }

    /** The source's own proxy, or null for the JVM's proxy settings. */
    HttpProxy proxy() {
        try {
            return HttpProxy.of(proxyHost, proxyPort, proxyScheme, proxyAuthUsername, proxyAuthPassword,
                    nonProxyHosts);
        } catch (ConfigException e) {
            throw new IllegalArgumentException(scheme() + ":" + url + ": option " + e.key()
                    + (e.value() == null ? "" : " = '" + e.value() + "'") + " " + e.problem() + ". Fix: " + e.fix(), e);
        }
    }

    /**
     * The HTTP client of this endpoint, on camel-http (HTTP/1.1, what legacy services speak): connectTimeout,
     * readTimeout and the trust store reach its connection pool. The caller closes it.
     */
    CamelHttp camelHttp() {
        return new CamelHttp(getCamelContext(), uri(), duration("connectTimeout", connectTimeout),
                duration("readTimeout", readTimeout),
                TrustStores.parameters(trustStore, trustStorePassword, trustStoreType), proxy());
    }

    ResilientHttp resilientHttp(CamelHttp client) {
        return new ResilientHttp(client, new RetryPolicy(maxRetries, duration("retryInitialDelay", retryInitialDelay),
                duration("retryMaxDelay", retryMaxDelay), duration("retryMaxElapsed", retryMaxElapsed)),
                maxRequestsPerSecond);
    }

    /** The authentication of the service's requests; a token endpoint shares the retries of {@code http}. */
    Authentication authenticationFor(ResilientHttp http, Clock clock) {
        return switch (authentication()) {
            case "basic" -> Authentication.basic(username, password);
            case "bearer" -> tokenUrl == null || tokenUrl.isBlank() ? Authentication.bearer(token)
                    : new TokenEndpoint(URI.create(tokenUrl.trim()), clientId, clientSecret, scope, http, clock);
            case "api-key" -> Authentication.apiKey(apiKeyHeader.trim(), apiKey);
            default -> Authentication.NONE;
        };
    }

    /** The hub's clock where one is bound (tests move it), else the system's. */
    Clock clock() {
        Clock clock = getCamelContext().getRegistry().findSingleByType(Clock.class);
        return clock == null ? Clock.systemUTC() : clock;
    }

    boolean isWindowed() {
        return windowLength != null && !windowLength.isBlank();
    }

    /** The time windows the source walks, or null when it walks none. */
    ServiceWindows windows() {
        if (windows == null) {
            try {
                ServiceWindows.require(windowLength, windowStart);
                if (!isWindowed()) {
                    return null;
                }
                windows = ServiceWindows.of(new ServiceWindows.Options(windowStart, windowLength, windowMaxLength,
                        windowLag, windowFormat == null || windowFormat.isBlank() ? timeFormat : windowFormat,
                        windowEndInclusive), zone(), clock().instant());
            } catch (ConfigException e) {
                throw new IllegalArgumentException(scheme() + ":" + url + ": option " + e.key() + " = '" + e.value()
                        + "' " + e.problem() + ". Fix: " + e.fix(), e);
            }
        }
        return windows;
    }

    <T> T lookup(Class<T> type) {
        T bean = getCamelContext().getRegistry().findSingleByType(type);
        if (bean == null) {
            throw new IllegalStateException(scheme() + " needs exactly one " + type.getSimpleName()
                    + " bean in the registry; the hub configures it (is this running outside the hub?)");
        }
        return bean;
    }

    StateStore stateStore() {
        return lookup(StateStore.class);
    }

    FeedRegistry feedRegistry() {
        return lookup(FeedRegistry.class);
    }

    URI uri() {
        try {
            return URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(scheme() + ":" + url + ": option url is not a URL: " + e.getMessage(), e);
        }
    }

    String authentication() {
        return authentication == null ? "none" : authentication.trim().toLowerCase(Locale.ROOT);
    }

    boolean hasChangeField() {
        return changeField != null && !changeField.isBlank();
    }

    List<String> fieldList() {
        if (fields == null || fields.isBlank()) {
            return List.of();
        }
        return Arrays.stream(fields.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    Duration lookBackDuration() {
        return duration("lookBack", lookBack);
    }

    ZoneId zone() {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (RuntimeException e) {
            throw fail("timeZone", timeZone, "is not a time zone id such as Asia/Shanghai");
        }
    }

    DateTimeFormatter timeFormatter() {
        if (timeFormatter == null) {
            try {
                timeFormatter = DateTimeFormatter.ofPattern(timeFormat);
            } catch (RuntimeException e) {
                throw fail("timeFormat", timeFormat, "is not a date-time pattern (" + e.getMessage() + ")");
            }
        }
        return timeFormatter;
    }

    LocalDateTime initialSinceTime() {
        if (initialSince == null || initialSince.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(initialSince.trim(), timeFormatter());
        } catch (RuntimeException e) {
            throw fail("initialSince", initialSince, "does not match timeFormat " + timeFormat);
        }
    }

    Duration duration(String option, String text) {
        try {
            return Durations.parse(getEndpointUri(), option, text);
        } catch (IllegalArgumentException e) {
            throw fail(option, text, "is not a duration; write e.g. 500ms, 30s, 5m or PT5M");
        }
    }

    IllegalArgumentException fail(String option, String value, String problem) {
        throw new IllegalArgumentException(scheme() + ":" + url + ": option " + option + " = '" + value + "' "
                + problem);
    }

    void require(String option, String value, String because) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(scheme() + ":" + url + ": option " + option + " is required with "
                    + because);
        }
    }

    void positive(String option, int value) {
        if (value <= 0) {
            fail(option, String.valueOf(value), "must be positive");
        }
    }

    public String getUrl() {
        return url;
    }

    public String getFeed() {
        return feed;
    }

    public void setFeed(String feed) {
        this.feed = feed;
    }

    public String getAuthentication() {
        return authentication;
    }

    public void setAuthentication(String authentication) {
        this.authentication = authentication;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public void setPassword(String password) {
        this.password = Secret.of(password);
    }

    public void setToken(String token) {
        this.token = Secret.of(token);
    }

    public String getTokenUrl() {
        return tokenUrl;
    }

    public void setTokenUrl(String tokenUrl) {
        this.tokenUrl = tokenUrl;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = Secret.of(clientSecret);
    }

    public String getScope() {
        return scope;
    }

    public void setScope(String scope) {
        this.scope = scope;
    }

    public String getApiKeyHeader() {
        return apiKeyHeader;
    }

    public void setApiKeyHeader(String apiKeyHeader) {
        this.apiKeyHeader = apiKeyHeader;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = Secret.of(apiKey);
    }

    public String getTrustStore() {
        return trustStore;
    }

    public void setTrustStore(String trustStore) {
        this.trustStore = trustStore;
    }

    public void setTrustStorePassword(String trustStorePassword) {
        this.trustStorePassword = Secret.of(trustStorePassword);
    }

    public String getTrustStoreType() {
        return trustStoreType;
    }

    public void setTrustStoreType(String trustStoreType) {
        this.trustStoreType = trustStoreType;
    }

    public String getProxyHost() {
        return proxyHost;
    }

    public void setProxyHost(String proxyHost) {
        this.proxyHost = proxyHost;
    }

    public String getProxyPort() {
        return proxyPort;
    }

    public void setProxyPort(String proxyPort) {
        this.proxyPort = proxyPort;
    }

    public String getProxyScheme() {
        return proxyScheme;
    }

    public void setProxyScheme(String proxyScheme) {
        this.proxyScheme = proxyScheme;
    }

    public String getProxyAuthUsername() {
        return proxyAuthUsername;
    }

    public void setProxyAuthUsername(String proxyAuthUsername) {
        this.proxyAuthUsername = proxyAuthUsername;
    }

    public void setProxyAuthPassword(String proxyAuthPassword) {
        this.proxyAuthPassword = Secret.of(proxyAuthPassword);
    }

    public String getNonProxyHosts() {
        return nonProxyHosts;
    }

    public void setNonProxyHosts(String nonProxyHosts) {
        this.nonProxyHosts = nonProxyHosts;
    }

    public String getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(String connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public String getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(String readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getMaxRetries() {
        return maxRetries;
    }

    public void setMaxRetries(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    public String getRetryInitialDelay() {
        return retryInitialDelay;
    }

    public void setRetryInitialDelay(String retryInitialDelay) {
        this.retryInitialDelay = retryInitialDelay;
    }

    public String getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public void setRetryMaxDelay(String retryMaxDelay) {
        this.retryMaxDelay = retryMaxDelay;
    }

    public String getRetryMaxElapsed() {
        return retryMaxElapsed;
    }

    public void setRetryMaxElapsed(String retryMaxElapsed) {
        this.retryMaxElapsed = retryMaxElapsed;
    }

    public int getPageSize() {
        return pageSize;
    }

    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public int getFirstPage() {
        return firstPage;
    }

    public void setFirstPage(int firstPage) {
        this.firstPage = firstPage;
    }

    public double getMaxRequestsPerSecond() {
        return maxRequestsPerSecond;
    }

    public void setMaxRequestsPerSecond(double maxRequestsPerSecond) {
        this.maxRequestsPerSecond = maxRequestsPerSecond;
    }

    public int getMaxPages() {
        return maxPages;
    }

    public void setMaxPages(int maxPages) {
        this.maxPages = maxPages;
    }

    public String getChangeField() {
        return changeField;
    }

    public void setChangeField(String changeField) {
        this.changeField = changeField;
    }

    public String getTimeFormat() {
        return timeFormat;
    }

    public void setTimeFormat(String timeFormat) {
        this.timeFormat = timeFormat;
        this.timeFormatter = null;
        this.windows = null;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getInitialSince() {
        return initialSince;
    }

    public void setInitialSince(String initialSince) {
        this.initialSince = initialSince;
    }

    public String getLookBack() {
        return lookBack;
    }

    public void setLookBack(String lookBack) {
        this.lookBack = lookBack;
    }

    public String getWindowStart() {
        return windowStart;
    }

    public void setWindowStart(String windowStart) {
        this.windowStart = windowStart;
        this.windows = null;
    }

    public String getWindowLength() {
        return windowLength;
    }

    public void setWindowLength(String windowLength) {
        this.windowLength = windowLength;
        this.windows = null;
    }

    public String getWindowMaxLength() {
        return windowMaxLength;
    }

    public void setWindowMaxLength(String windowMaxLength) {
        this.windowMaxLength = windowMaxLength;
        this.windows = null;
    }

    public String getWindowLag() {
        return windowLag;
    }

    public void setWindowLag(String windowLag) {
        this.windowLag = windowLag;
        this.windows = null;
    }

    public String getWindowFormat() {
        return windowFormat;
    }

    public void setWindowFormat(String windowFormat) {
        this.windowFormat = windowFormat;
        this.windows = null;
    }

    public boolean isWindowEndInclusive() {
        return windowEndInclusive;
    }

    public void setWindowEndInclusive(boolean windowEndInclusive) {
        this.windowEndInclusive = windowEndInclusive;
        this.windows = null;
    }

    public String getKeyField() {
        return keyField;
    }

    public void setKeyField(String keyField) {
        this.keyField = keyField;
    }

    public String getFields() {
        return fields;
    }

    public void setFields(String fields) {
        this.fields = fields;
    }
}
