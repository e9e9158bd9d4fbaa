package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.exchangehub.demo.PublicSecurityFtpServer;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file-drop source against a real FTPS server (Apache MINA FtpServer, explicit AUTH TLS, encrypted data
 * connections) whose certificate the hub trusts through its configured trust store.
 */
class FtpsFileDropTest {

    @TempDir
    Path tmp;

    private PublicSecurityFtpServer ftps;
    private TestHub hub;
    private Path drop;

    @BeforeEach
    void start() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("ftps"));
        drop = Files.createDirectories(home.resolve("hukou"));
        SslConfigurationFactory tls = new SslConfigurationFactory();
        tls.setKeystoreFile(resource("/http/service-keystore.p12").toFile());
        tls.setKeystoreType("PKCS12");
        tls.setKeystorePassword("changeit");
        tls.setKeyPassword("changeit");
        ftps = PublicSecurityFtpServer.start(0, home, "hub", "s3cret", tls.createSslConfiguration());
        hub = new TestHub(tmp.resolve("lake"));
    }

    @AfterEach
    void stop() {
        hub.close();
        ftps.close();
    }

    private static Path resource(String name) throws Exception {
        return Path.of(FtpsFileDropTest.class.getResource(name).toURI());
    }

    private String uri(String extra) {
        return "file-drop:ftps?host=127.0.0.1&port=" + ftps.port() + "&username=hub&password=s3cret"
                + "&directory=/hukou&format=csv&charset=GBK&include=*.csv&workDirectory=" + tmp.resolve("work") + extra;
    }

    @Test
    void aGbkCsvWithItsDoneMarkerIsDeliveredOverTlsAndMovesToTheDoneFolder() throws Exception {
        Persons.drop(drop, "HJRK_1.csv", Persons.csv(), Persons.GBK);
        hub.start(uri("&trustStore=" + resource("/http/hub-truststore.p12") + "&trustStorePassword=trustpass"));

        RunRecord run = hub.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(hub.lake()).extracting(r -> r.get("name")).containsExactly("陈志明", "林秀英", "黄丽娟");
        assertThat(drop.resolve("done/HJRK_1.csv")).exists();
        assertThat(drop.resolve("done/HJRK_1.csv.ok")).exists();
    }

    @Test
    void aServerWhoseCertificateIsNotTrustedIsRefusedAndNothingIsRead() throws Exception {
        Persons.drop(drop, "HJRK_1.csv", Persons.csv(), Persons.GBK);
        hub.start(uri("")); // the JVM's CAs: the department's own certificate is not among them

        RunRecord run = hub.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(hub.lakeCount()).isZero();
        assertThat(drop.resolve("HJRK_1.csv")).exists();
    }
}
