package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Impossible option combinations fail when the endpoint is created, naming the option and the fix. */
class FileDropEndpointTest {

    private CamelContext camel;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private ConfigException problem(String uri) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> camel.getEndpoint(uri));
        while (t != null && !(t instanceof ConfigException)) {
            t = t.getCause();
        }
        assertThat(t).as("a ConfigException for " + uri).isNotNull();
        return (ConfigException) t;
    }

    @Test
    void optionsBindAndDurationsAreAccepted() {
        FileDropEndpoint e = camel.getEndpoint("file-drop:ftp?host=h&username=u&password=p&directory=/d&format=csv"
                + "&charset=GBK&readyWhen=stable&minAge=5m&afterRead=leave&delay=15m", FileDropEndpoint.class);

        assertThat(e.protocol()).isEqualTo(Protocol.FTP);
        assertThat(e.readyRule()).isEqualTo(ReadyRule.STABLE);
        assertThat(e.afterReadAction()).isEqualTo(AfterRead.LEAVE);
        assertThat(e.minAgeDuration()).hasMinutes(5);
        assertThat(e.getDelay()).isEqualTo(900_000);
    }

    @Test
    void sftpWithoutAPinnedHostKeyIsRefused() {
        ConfigException e = problem("file-drop:sftp?host=h&username=u&directory=/d&format=csv");

        assertThat(e.key()).isEqualTo("hostKeyFingerprint");
    }

    @Test
    void anUnknownCharsetIsRefused() {
        assertThat(problem("file-drop:file?directory=/d&format=csv&charset=BIG-FIVE-ISH").key()).isEqualTo("charset");
    }

    @Test
    void anUnknownCompletenessRuleListsTheRules() {
        ConfigException e = problem("file-drop:file?directory=/d&format=csv&readyWhen=sometime");

        assertThat(e.getMessage()).contains("readyWhen").contains("[doneMarker, rename, stable]");
    }

    @Test
    void aSourceKeyThatIsNotAFieldOfTheFixedWidthLayoutIsRefused() {
        ConfigException e = problem("file-drop:file?directory=/d&format=fixed&charset=GBK"
                + "&layout=config/layouts/public-security-residents.yaml&sourceKey=ZSBH");

        assertThat(e.key()).isEqualTo("sourceKey");
        assertThat(e.getMessage()).contains("is not a column of the records").contains("GMSFHM");
    }

    @Test
    void positionalCsvWithoutColumnsIsRefused() {
        assertThat(problem("file-drop:file?directory=/d&format=csv&header=false").key()).isEqualTo("columns");
    }

    @Test
    void fixedWidthWithoutALayoutIsRefused() {
        assertThat(problem("file-drop:file?directory=/d&format=fixed").key()).isEqualTo("layout");
    }

    @Test
    void aDoneFolderOutsideTheDropFolderIsRefused() {
        assertThat(problem("file-drop:file?directory=/d&format=csv&doneDirectory=../done").key())
                .isEqualTo("doneDirectory");
    }

    @Test
    void camelFtpOptionsBesideTheSourcesGoToTheCamelEndpointAsTheyAre() {
        FileDropEndpoint e = camel.getEndpoint("file-drop:ftp?host=h&username=u&directory=/d&format=csv"
                + "&passiveMode=false&maximumReconnectAttempts=5&ftpClient.dataTimeout=60000", FileDropEndpoint.class);

        assertThat(e.camelOptions()).containsEntry("passiveMode", "false")
                .containsEntry("maximumReconnectAttempts", "5").containsEntry("ftpClient.dataTimeout", "60000");
    }

    @Test
    void aCamelOptionTheSourceSetsItselfIsRefusedNamingTheSourcesOption() {
        ConfigException e = problem("file-drop:ftp?host=h&username=u&directory=/d&format=csv&move=archive");

        assertThat(e.key()).isEqualTo("move");
        assertThat(e.getMessage()).contains("afterRead");
    }

    @Test
    void anOptionNeitherTheSourceNorCamelKnowsIsRefused() {
        ConfigException e = problem("file-drop:sftp?host=h&username=u&hostKeyFingerprint=SHA256:x&directory=/d"
                + "&format=csv&pasiveMode=true");

        assertThat(e.key()).isEqualTo("pasiveMode");
        assertThat(e.getMessage()).contains("sftp");
    }

    @Test
    void thePasswordIsNotInTheMessage() {
        ConfigException e = problem("file-drop:ftp?host=h&username=u&password=hunter2&directory=/d&format=tsv");

        assertThat(e.getMessage()).doesNotContain("hunter2");
    }
}
