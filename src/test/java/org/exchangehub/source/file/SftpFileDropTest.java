package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchangehub.source.file.FtpFileDropTest.person;
import static org.exchangehub.source.file.Persons.CHEN;
import static org.exchangehub.source.file.Persons.HUANG;
import static org.exchangehub.source.file.Persons.LIN;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file-drop source against a real SFTP server (Apache MINA SSHD on 127.0.0.1), its host key pinned. */
class SftpFileDropTest {

    @TempDir
    Path tmp;

    private SshServer sshd;
    private String fingerprint;
    private TestHub hub;
    private Path drop;

    @BeforeEach
    void start() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("sftp"));
        drop = Files.createDirectories(home.resolve("hukou"));
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(tmp.resolve("host-key.ser"));
        hostKey.setAlgorithm("EC");
        sshd.setKeyPairProvider(hostKey);
        sshd.setPasswordAuthenticator((user, password, session) -> "hub".equals(user) && "s3cret".equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(home));
        sshd.start();
        fingerprint = KeyUtils.getFingerPrint(sshd.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
        hub = new TestHub(tmp.resolve("lake"));
    }

    @AfterEach
    void stop() throws Exception {
        hub.close();
        sshd.stop(true);
    }

    private String uri(String hostKey) {
        return "file-drop:sftp?host=127.0.0.1&port=" + sshd.getPort() + "&username=hub&password=s3cret"
                + "&hostKeyFingerprint=" + hostKey + "&directory=/hukou&format=fixed&charset=GBK&include=*.dat"
                + "&layout=config/layouts/public-security-residents.yaml&workDirectory=" + tmp.resolve("work");
    }

    @Test
    void aGbkFixedWidthFileLandsAsTheExactPersonRecords() throws Exception {
        Files.write(drop.resolve("CZRK_1.dat"), Persons.fixedFile());
        Files.writeString(drop.resolve("CZRK_1.dat.ok"), "");
        hub.start(uri(fingerprint));

        RunRecord run = hub.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(hub.lake()).containsExactly(
                person(CHEN, "陈志明", "1", "1985-03-12", "350102", "福建省福州市鼓楼区五四路12号", "13800138000",
                        "CZRK_1.dat:1"),
                person(LIN, "林秀英", "2", "1978-06-05", "350203", "福建省厦门市思明区湖滨南路88号", null, "CZRK_1.dat:2"),
                person(HUANG, "黄丽娟", "2", "1992-11-30", "350502", "福建省泉州市鲤城区温陵路7号", "13950001234",
                        "CZRK_1.dat:3"));
        assertThat(drop.resolve("done/CZRK_1.dat")).exists();
    }

    @Test
    void aServerPresentingAnotherHostKeyIsRefusedAndNothingIsRead() throws Exception {
        Files.write(drop.resolve("CZRK_1.dat"), Persons.fixedFile());
        Files.writeString(drop.resolve("CZRK_1.dat.ok"), "");
        hub.start(uri("SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"));

        RunRecord run = hub.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(hub.lakeCount()).isZero();
        assertThat(drop.resolve("CZRK_1.dat")).exists();
    }
}
