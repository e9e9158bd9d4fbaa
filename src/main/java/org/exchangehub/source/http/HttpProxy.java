package org.exchangehub.source.http;

import java.util.Locale;
import java.util.Map;

import org.apache.camel.component.http.HttpComponent;
import org.exchangehub.config.ConfigException;
import org.exchangehub.config.Secret;

/**
 * The HTTP proxy a service source goes through, given per source as camel-http's proxy options: {@code proxyHost},
 * {@code proxyPort}, {@code proxyScheme} (how the hub speaks to the proxy, http unless the proxy itself listens on
 * TLS), {@code proxyAuthUsername} and {@code proxyAuthPassword} (basic authentication at the proxy) and
 * {@code nonProxyHosts} (hosts reached directly, comma-separated, {@code *} as a wildcard). HTTPS services are
 * reached through the proxy by CONNECT, the TLS running end to end between the hub and the service. Without
 * {@code proxyHost} the JVM's proxy settings apply, as before.
 */
public record HttpProxy(String host, int port, String scheme, String username, Secret password, String nonProxyHosts) {

    /** The option names, as the connectors and {@code validate} spell them. */
    static final String HOST = "proxyHost";
    static final String PORT = "proxyPort";
    static final String SCHEME = "proxyScheme";
    static final String USERNAME = "proxyAuthUsername";
    static final String PASSWORD = "proxyAuthPassword";
    static final String NON_PROXY_HOSTS = "nonProxyHosts";

    /**
     * The proxy the options name, or null when {@code proxyHost} is not given.
     *
     * @throws ConfigException naming the option (the password's value never) when the options cannot work
     */
    static HttpProxy of(String host, String port, String scheme, String username, Secret password,
            String nonProxyHosts) {
        if (blank(host)) {
            if (!blank(port)) {
                throw new ConfigException(null, PORT, port, "a proxy port without proxyHost",
                        "give proxyHost too, or leave both out to go direct (or through the JVM's proxy settings)");
            }
            if (!blank(username) || !password.isEmpty()) {
                throw new ConfigException(null, blank(username) ? PASSWORD : USERNAME, blank(username) ? null : username,
                        "proxy credentials without proxyHost", "give proxyHost and proxyPort, or leave the"
                                + " credentials out");
            }
            if (!blank(nonProxyHosts)) {
                throw new ConfigException(null, NON_PROXY_HOSTS, nonProxyHosts, "nonProxyHosts without proxyHost",
                        "give proxyHost and proxyPort, or leave nonProxyHosts out");
            }
            return null;
        }
        if (host.contains("://") || host.contains("/") || host.contains(":")) {
            throw new ConfigException(null, HOST, host, "is not a host name (no scheme, port or path)",
                    "write the name only, e.g. proxy.gov.local, the port in proxyPort and http/https in proxyScheme");
        }
        if (blank(port)) {
            throw new ConfigException(null, HOST, host, "a proxy host without proxyPort",
                    "give proxyPort too, e.g. 3128 or 8080");
        }
        int number;
        try {
            number = Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            number = -1;
        }
        if (number < 1 || number > 65535) {
            throw new ConfigException(null, PORT, port, "is not a port number between 1 and 65535",
                    "give the proxy's port, e.g. 3128 or 8080");
        }
        String s = blank(scheme) ? "http" : scheme.trim().toLowerCase(Locale.ROOT);
        if (!s.equals("http") && !s.equals("https")) {
            throw new ConfigException(null, SCHEME, scheme, "is not http or https",
                    "write http (the usual, also for HTTPS services, which go through CONNECT) or https for a"
                            + " proxy that itself listens on TLS");
        }
        if (!blank(username) && password.isEmpty()) {
            throw new ConfigException(null, USERNAME, username, "a proxy user without proxyAuthPassword",
                    "give proxyAuthPassword too, as a property placeholder, e.g. {{hub.proxy.password}}");
        }
        if (blank(username) && !password.isEmpty()) {
            throw new ConfigException(null, PASSWORD, null, "a proxy password without proxyAuthUsername",
                    "give proxyAuthUsername too, or leave the password out");
        }
        return new HttpProxy(host.trim(), number, s, blank(username) ? null : username.trim(), password,
                blank(nonProxyHosts) ? null : nonProxyHosts.replace(" ", ""));
    }

    /**
     * For {@code validate}: the first problem of the proxy options among a route's parameters, or null. Values
     * still holding a placeholder are resolved at start-up and checked there.
     */
    public static ConfigException check(Map<String, String> params) {
        for (String name : new String[] {HOST, PORT, SCHEME, USERNAME, PASSWORD, NON_PROXY_HOSTS}) {
            String v = params.get(name);
            if (v != null && v.contains("{{")) {
                // a placeholder stands for a value: fill in a harmless one so that the pairing is still checked
                params = new java.util.HashMap<>(params);
                params.put(name, name.equals(PORT) ? "1" : "x");
            }
        }
        try {
            of(params.get(HOST), params.get(PORT), params.get(SCHEME), params.get(USERNAME),
                    Secret.of(params.get(PASSWORD)), params.get(NON_PROXY_HOSTS));
            return null;
        } catch (ConfigException e) {
            return e;
        }
    }

    /**
     * Hands the proxy to camel-http's component, which builds Apache HttpClient's proxy route (and, with
     * nonProxyHosts, its {@code CamelProxyRoutePlanner}) and the proxy's credentials, scoped to the proxy's host
     * and port. The scheme is always set: camel-http would otherwise speak TLS to the proxy for an HTTPS service.
     */
    void applyTo(HttpComponent component) {
        component.setProxyHost(host);
        component.setProxyPort(port);
        component.setProxyAuthScheme(scheme);
        if (username != null) {
            component.setProxyAuthUsername(username);
            component.setProxyAuthPassword(password.reveal());
        }
        if (nonProxyHosts != null) {
            component.setNonProxyHosts(nonProxyHosts);
        }
    }

    /** The proxy for messages: scheme, host, port and user, never the password. */
    String describe() {
        return "proxy " + scheme + "://" + host + ":" + port + (username == null ? "" : " as user '" + username + "'");
    }

    @Override
    public String toString() {
        return describe();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
