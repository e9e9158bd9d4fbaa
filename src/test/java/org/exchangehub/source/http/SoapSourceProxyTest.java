package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SOAP source through a real forward proxy given per source, with the proxy's credentials. */
class SoapSourceProxyTest extends StubServerFeedTest {

    private static final String PATH = "/ws/enrolments";

    private ForwardProxy proxy;

    SoapSourceProxyTest() throws Exception {
        super(StubServer.http().on(PATH, r -> SoapSourceTest.page(r, SoapSourceTest.SOAP11, "text/xml")));
    }

    @AfterEach
    void stopProxy() {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void theSoapCallsGoThroughTheProxyWithItsCredentials() throws Exception {
        proxy = ForwardProxy.withAuthentication("hub", "Soap-Pr0xy-m42");
        feed = new FeedHarness("soap-source:" + server.url(PATH) + SoapSourceTest.OPTIONS + "&" + proxy.options()
                + "&proxyAuthUsername=hub&proxyAuthPassword=Soap-Pr0xy-m42");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).containsExactly("E1", "E2", "E3", "E4", "E5");
        assertThat(proxy.forwardedTo(PATH)).hasSize(4).allSatisfy(r -> {
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.header("SOAPAction")).contains("urn:QueryEnrolments");
        });
        assertThat(server.requests).hasSize(4);
    }
}
