package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/** HTTPS to a service whose certificate comes from a private CA: trusted only through the configured trust store. */
class HttpsTrustTest extends StubServerFeedTest {

    private static final String PATH = "/api/persons";

    HttpsTrustTest() throws Exception {
        super(StubServer.https(serverTls()).on(PATH, r -> People.page(4, Integer.parseInt(r.param("page")), 3, true)));
    }

    static SSLContext serverTls() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = HttpsTrustTest.class.getResourceAsStream("/http/service-keystore.p12")) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        return tls;
    }

    static String trustStore() throws Exception {
        return Path.of(HttpsTrustTest.class.getResource("/http/hub-truststore.p12").toURI()).toString();
    }

    @Test
    void theConfiguredTrustStoreLetsTheSourceReadOverHttps() throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=3&recordsPath=data.items"
                + "&totalPath=data.total&trustStore=" + trustStore() + "&trustStorePassword=trustpass");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 4));
    }

    @Test
    void withoutTheTrustStoreThePrivateCaIsRefused() throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?maxRetries=0");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("TLS handshake").contains("trustStore");
    }

    @Test
    void aWrongTrustStorePasswordStopsTheRouteNamingTheOption() throws Exception {
        Exception failure = null;
        try {
            feed = new FeedHarness("rest-source:" + server.url(PATH) + "?trustStore=" + trustStore()
                    + "&trustStorePassword=wrong");
        } catch (Exception e) {
            failure = e;
        }
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        assertThat(messages.toString()).contains("option trustStore").contains("trustStorePassword")
                .doesNotContain("wrong&");
    }
}
