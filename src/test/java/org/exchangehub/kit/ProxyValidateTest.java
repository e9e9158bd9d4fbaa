package org.exchangehub.kit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code validate} checks a service feed's proxy options as written, with the file, line, option, value and fix. */
class ProxyValidateTest {

    private static final String ROUTE = "routes/civil-affairs-persons.yaml";
    private static final String KEY = "route[civil-affairs.persons].from.parameters.";

    /** The route with these proxy options after its timeZone (line 19), the first on line 20. */
    private static ProjectCopy withProxy(String... options) {
        return ProjectCopy.create().edit(ROUTE, "timeZone: Asia/Shanghai",
                "timeZone: Asia/Shanghai\n        " + String.join("\n        ", options));
    }

    @Test
    void aProxyWithPortAndCredentialsIsValid() {
        assertThat(withProxy("proxyHost: proxy.gov.local", "proxyPort: 3128", "proxyAuthUsername: hub",
                "proxyAuthPassword: \"{{hub.proxy.password}}\"", "nonProxyHosts: \"localhost,*.gov.local\"")
                .problems()).isEmpty();
    }

    @Test
    void aProxyPortOutOfRangeIsReported() {
        assertThat(withProxy("proxyHost: proxy.gov.local", "proxyPort: 70000").problems()).containsExactly(
                ROUTE + ":21: " + KEY + "proxyPort = '70000': is not a port number between 1 and 65535. Fix: give"
                        + " the proxy's port, e.g. 3128 or 8080");
    }

    @Test
    void aProxyHostWithoutPortIsReported() {
        assertThat(withProxy("proxyHost: proxy.gov.local").problems()).containsExactly(ROUTE + ":20: " + KEY
                + "proxyHost = 'proxy.gov.local': a proxy host without proxyPort. Fix: give proxyPort too, e.g. 3128"
                + " or 8080");
    }

    @Test
    void aProxyUserWithoutPasswordIsReported() {
        assertThat(withProxy("proxyHost: proxy.gov.local", "proxyPort: 3128", "proxyAuthUsername: hub").problems())
                .singleElement().asString().startsWith(ROUTE + ":22: " + KEY + "proxyAuthUsername = 'hub': a proxy"
                        + " user without proxyAuthPassword. Fix: give proxyAuthPassword too");
    }

    @Test
    void aProxyPasswordWithoutUserIsReportedWithoutItsValue() {
        assertThat(withProxy("proxyHost: proxy.gov.local", "proxyPort: 3128", "proxyAuthPassword: Planted-h55")
                .problems()).singleElement().asString().startsWith(ROUTE + ":22: " + KEY + "proxyAuthPassword: a"
                        + " proxy password without proxyAuthUsername. Fix:").doesNotContain("Planted-h55");
    }
}
