package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.util.Base64;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The REST source through a real forward proxy given per source: proxyHost, proxyPort, its credentials. */
@ExtendWith(OutputCaptureExtension.class)
class RestSourceProxyTest extends StubServerFeedTest {

    private static final String PATH = "/api/persons";
    private static final String PROXY_PASSWORD = "Pr0xy-Pa55-q19";

    private ForwardProxy proxy;

    RestSourceProxyTest() throws Exception {
        super(StubServer.http().on(PATH, r -> People.page(4, Integer.parseInt(r.param("page")), 3, true)));
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    private void feed(String options) throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=3&recordsPath=data.items"
                + "&totalPath=data.total&maxRetries=0" + (options.isEmpty() ? "" : "&" + options));
    }

    @Test
    void theRequestsGoThroughTheProxy() throws Exception {
        proxy = ForwardProxy.open();
        feed(proxy.options());

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 4));
        assertThat(proxy.forwardedTo(PATH)).hasSize(2).hasSize(server.requests.size());
    }

    /** Runs the feed with these options while a proxy listens, and checks that the service saw it directly. */
    private void assertReadDirectlyWith(String options) throws Exception {
        proxy = ForwardProxy.open();
        feed(options.replace("{proxy}", proxy.options()));

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(server.requests).hasSize(2);
        assertThat(proxy.forwarded).isEmpty();
    }

    @Test
    void withoutTheProxyOptionsTheRequestsGoDirect() throws Exception {
        assertReadDirectlyWith("");
    }

    @Test
    void aHostInNonProxyHostsIsReachedDirectly() throws Exception {
        assertReadDirectlyWith("{proxy}&nonProxyHosts=localhost,127.0.0.*");
    }

    @Test
    void aProxyRequiringAuthenticationGetsTheCredentials() throws Exception {
        proxy = ForwardProxy.withAuthentication("hub", PROXY_PASSWORD);
        feed(proxy.options() + "&proxyAuthUsername=hub&proxyAuthPassword=" + PROXY_PASSWORD);

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 4));
        assertThat(proxy.forwardedTo(PATH)).isNotEmpty().allSatisfy(r -> assertThat(r.header(
                "Proxy-Authorization")).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                        ("hub:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aWrongProxyPasswordFailsTheRunWithAClearMessageWithoutThePassword(CapturedOutput output) throws Exception {
        proxy = ForwardProxy.withAuthentication("hub", PROXY_PASSWORD);
        String wrong = "Wr0ng-Pr0xy-k28";
        feed(proxy.options() + "&proxyAuthUsername=hub&proxyAuthPassword=" + wrong);

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("407 Proxy Authentication Required")
                .contains("proxy http://127.0.0.1:" + proxy.port() + " as user 'hub'")
                .contains("check proxyAuthUsername and proxyAuthPassword").doesNotContain(wrong);
        assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(PROXY_PASSWORD);
        assertThat(server.requests).isEmpty();
    }

    private static StubServer httpsService() throws Exception {
        return StubServer.https(HttpsTrustTest.serverTls())
                .on(PATH, r -> People.page(4, Integer.parseInt(r.param("page")), 3, true));
    }

    /** The feed of an HTTPS service through the authenticating proxy, as user hub with this password. */
    private void httpsFeed(StubServer https, String proxyPassword) throws Exception {
        proxy = ForwardProxy.withAuthentication("hub", PROXY_PASSWORD);
        feed = new FeedHarness("rest-source:" + https.url(PATH) + "?keyField=id&pageSize=3"
                + "&recordsPath=data.items&totalPath=data.total&maxRetries=0&trustStore="
                + HttpsTrustTest.trustStore() + "&trustStorePassword=trustpass&" + proxy.options()
                + "&proxyAuthUsername=hub&proxyAuthPassword=" + proxyPassword);
    }

    @Test
    void anHttpsServiceIsReachedThroughACONNECTTunnelWithTlsEndToEnd() throws Exception {
        try (StubServer https = httpsService()) {
            httpsFeed(https, PROXY_PASSWORD);

            var run = feed.run();

            assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(feed.keys()).isEqualTo(People.keys(1, 4));
            assertThat(proxy.forwarded).isNotEmpty().allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("CONNECT");
                assertThat(r.target()).isEqualTo("127.0.0.1:" + URI.create(https.url(PATH)).getPort());
            });
            assertThat(https.requests).hasSize(2);
        }
    }

    @Test
    void aTunnelRefusedForAWrongPasswordFailsTheRunWithAClearMessage() throws Exception {
        try (StubServer https = httpsService()) {
            httpsFeed(https, "Wr0ng-Tunnel-p63");

            var run = feed.run();

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).contains("407 Proxy Authentication Required").contains("as user 'hub'")
                    .doesNotContain("Wr0ng-Tunnel-p63");
            assertThat(https.requests).isEmpty();
        }
    }

    @Test
    void aProxyPortOutOfRangeStopsTheRouteNamingTheOptionAndTheFix() {
        String failure = startFailure("rest-source:" + server.url(PATH) + "?proxyHost=proxy.gov.local&proxyPort=70000",
                java.time.Clock.systemUTC());

        assertThat(failure).contains("option proxyPort = '70000' is not a port number between 1 and 65535. Fix:");
    }

    @Test
    void aProxyPasswordWithoutUserStopsTheRouteWithoutShowingIt() {
        String failure = startFailure("rest-source:" + server.url(PATH) + "?proxyHost=proxy.gov.local&proxyPort=3128"
                + "&proxyAuthPassword=" + PROXY_PASSWORD, java.time.Clock.systemUTC());

        assertThat(failure).contains("option proxyAuthPassword a proxy password without proxyAuthUsername. Fix:")
                .doesNotContain(PROXY_PASSWORD);
    }
}
