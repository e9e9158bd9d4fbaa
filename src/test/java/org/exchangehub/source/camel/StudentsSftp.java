package org.exchangehub.source.camel;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.exchangehub.sink.lake.DuckDb;
import org.exchangehub.standards.IdNumbers;
import org.exchangehub.testing.HubTestSupport;

/**
 * The education department's SFTP server (Apache MINA SSHD on 127.0.0.1) for the hub-feed tests: a drop folder
 * {@code /xueji} for GBK student CSVs with a {@code .ok} done file, and a known-hosts file pinning its host key.
 */
final class StudentsSftp implements AutoCloseable {

    static final String USER = "xueji";
    static final String PASSWORD = "Xj-2026!";
    static final Charset GBK = Charset.forName("GBK");
    static final String ROUTES = "file:src/test/resources/anyuri/routes/*.yaml";

    final Path home;
    final Path drop;
    final Path knownHosts;
    private final SshServer sshd;

    StudentsSftp(Path dir) throws IOException {
        home = Files.createDirectories(dir.resolve("sftp"));
        drop = Files.createDirectories(home.resolve("xueji"));
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        SimpleGeneratorHostKeyProvider hostKey = new SimpleGeneratorHostKeyProvider(dir.resolve("host-key.ser"));
        hostKey.setAlgorithm("EC");
        sshd.setKeyPairProvider(hostKey);
        sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
        sshd.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        sshd.setFileSystemFactory(new VirtualFileSystemFactory(home));
        sshd.start();
        String key;
        try {
            key = PublicKeyEntry.toString(sshd.getKeyPairProvider().loadKeys(null).iterator().next().getPublic());
        } catch (Exception e) {
            throw new IOException("cannot read the server's host key", e);
        }
        knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + port() + " " + key + "\n");
    }

    int port() {
        return sshd.getPort();
    }

    /** Writes {@code XJ_<n>.csv} with {@code students} valid rows, then its done file; returns the ID numbers. */
    List<String> drop(int n, int students) throws IOException {
        List<String> ids = new ArrayList<>();
        StringBuilder csv = new StringBuilder("学生姓名,公民身份号码,性别,出生日期,户籍地行政区划代码\r\n");
        for (int i = 1; i <= students; i++) {
            LocalDate born = LocalDate.of(1970, 1, 1).plusDays(i);
            String first17 = "350102" + born.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + "%03d".formatted(n % 1000);
            String id = first17 + IdNumbers.checkChar(first17);
            ids.add(id);
            csv.append("学生").append(n).append('-').append(i).append(',').append(id).append(',')
                    .append("1".equals(IdNumbers.sexCode(id)) ? "男" : "女").append(',').append(born)
                    .append(",350102\r\n");
        }
        Files.write(drop.resolve("XJ_" + n + ".csv"), csv.toString().getBytes(GBK));
        Files.writeString(drop.resolve("XJ_" + n + ".csv.ok"), "");
        return ids;
    }

    /** The settings the route file's placeholders read, as command-line arguments of a hub. */
    List<String> arguments() {
        return List.of("--anyuri.sftp.port=" + port(), "--anyuri.sftp.password=" + PASSWORD,
                "--anyuri.sftp.known-hosts=" + knownHosts, "--camel.main.routes-include-pattern=" + ROUTES);
    }

    /** Every person record in the lake under {@code lake}: ID number and record hash. */
    static List<Map<String, Object>> lake(Path lake) throws SQLException {
        try (var files = Files.walk(lake)) {
            if (files.noneMatch(f -> f.getFileName().toString().endsWith(".parquet"))) {
                return List.of();
            }
        } catch (java.io.UncheckedIOException | IOException e) {
            return List.of(); // the lake folder is not there yet
        }
        try (DuckDb duck = new DuckDb()) {
            return duck.query("SELECT id_number, lower(hex(_record_hash)) AS _record_hash, _source_key FROM "
                    + DuckDb.lake(lake.resolve("person/*/*.parquet")));
        }
    }

    /** A config folder: the project's catalogue and codes, and the education department's mapping. */
    static Path config() throws IOException {
        Path config = HubTestSupport.tempDir("anyuri-config");
        HubTestSupport.projectConfig(config,
                Path.of("src/test/resources/kit/education/mappings/education-students.yaml"));
        return config;
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }
}
