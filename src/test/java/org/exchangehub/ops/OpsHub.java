package org.exchangehub.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.exchangehub.standards.IdNumbers;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The department and the settings the operations tests share: a population table (RK) in a real H2 TCP server
 * that a test can stop and start (source unreachable and back), a temp copy of {@code config/} whose test
 * mapping lacks sex code 02, two users (operator and viewer) and remote JMX on a free port.
 */
final class OpsHub {

    static final String FEED = "ops-test.persons";
    static final String OPERATOR = "op";
    static final String OPERATOR_PASSWORD = "op-secret";
    static final String VIEWER = "watcher";
    static final String VIEWER_PASSWORD = "watcher-secret";
    /** A viewer who may also read rejects in clear (role unmask). */
    static final String AUDITOR = "auditor";
    static final String AUDITOR_PASSWORD = "auditor-secret";

    /** Planted personal values; none may appear unmasked anywhere operations can look. */
    static final String NAME = "欧阳锋华";
    static final String PHONE = "13812341234";
    static final String ADDRESS = "福建省福州市鼓楼区五四路八十八号";

    static final int JMX_PORT = freePort();
    static final int DB_PORT = freePort();
    static final String DB_NAME = "ops-rk-" + UUID.randomUUID();
    static final Path CONFIG = copyConfig();
    static final Path LAKE = tempDir("ops-lake");
    /** The hub's state store (in memory, kept while the JVM runs), also for a kit command started by a test. */
    static final String STATE_DB_URL = "jdbc:h2:mem:ops-state-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private static final AtomicLong IDS = new AtomicLong();
    private static final AtomicLong SEQ = new AtomicLong(100);
    private static volatile Server server;

    private OpsHub() {
    }

    static synchronized void startDatabase() {
        if (server != null) {
            return;
        }
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(DB_PORT), "-ifNotExists").start();
            try (Connection c = dataSource().getConnection()) {
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS RK (ID BIGINT PRIMARY KEY, SFZH VARCHAR(18),"
                        + " XM VARCHAR(50), XB VARCHAR(2), HJ_XZQH VARCHAR(6), ZZ VARCHAR(200), SJHM VARCHAR(20),"
                        + " GXSJ TIMESTAMP)");
                // keeps the in-memory database while the server is stopped and started again
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static synchronized void stopDatabase() {
        server.stop();
    }

    static synchronized void restartDatabase() {
        try {
            server = Server.createTcpServer("-tcpPort", String.valueOf(DB_PORT), "-ifNotExists").start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static DataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:tcp://127.0.0.1:" + DB_PORT + "/mem:" + DB_NAME + ";DB_CLOSE_DELAY=-1");
        return ds;
    }

    /** A valid 18-digit ID number of someone born in 鼓楼区 on 1990-03-07; odd sequence: a man, even: a woman. */
    static String idNumber(boolean male) {
        long seq = SEQ.incrementAndGet();
        if ((seq % 2 == 1) != male) {
            seq = SEQ.incrementAndGet();
        }
        String first17 = "35010219900307" + String.format("%03d", seq % 1000);
        return first17 + IdNumbers.checkChar(first17);
    }

    /** An ID number whose check character is wrong (INVALID_ID_NUMBER). */
    static String badIdNumber() {
        String good = idNumber(true);
        char wrong = good.charAt(17) == '1' ? '2' : '1';
        return good.substring(0, 17) + wrong;
    }

    /** The department corrects a person's ID number at the source (its change time moves). */
    static void correct(long rowId, String idNumber) {
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE RK SET SFZH = ?, GXSJ = ? WHERE ID = ?")) {
            ps.setString(1, idNumber);
            ps.setObject(2, LocalDateTime.now());
            ps.setLong(3, rowId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Inserts a person changed now; returns the row id. */
    static long insert(String idNumber, String sexCode) {
        long id = IDS.incrementAndGet();
        try (Connection c = dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO RK VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setString(2, idNumber);
            ps.setString(3, NAME);
            ps.setString(4, sexCode);
            ps.setString(5, "350102");
            ps.setString(6, ADDRESS);
            ps.setString(7, PHONE);
            ps.setObject(8, LocalDateTime.now());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    static void properties(DynamicPropertyRegistry registry) {
        startDatabase();
        registry.add("spring.datasource.url", () -> STATE_DB_URL);
        registry.add("hub.config-dir", CONFIG::toString);
        registry.add("hub.lake.root", LAKE::toString);
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("camel.main.routes-include-pattern", () -> "file:src/test/resources/ops/routes/*.yaml");
        registry.add("hub.ops.users[0].name", () -> OPERATOR);
        registry.add("hub.ops.users[0].password", () -> "{noop}" + OPERATOR_PASSWORD);
        registry.add("hub.ops.users[0].roles", () -> "operator");
        registry.add("hub.ops.users[1].name", () -> VIEWER);
        registry.add("hub.ops.users[1].password", () -> "{noop}" + VIEWER_PASSWORD);
        registry.add("hub.ops.users[1].roles", () -> "viewer");
        registry.add("hub.ops.users[2].name", () -> AUDITOR);
        registry.add("hub.ops.users[2].password", () -> "{noop}" + AUDITOR_PASSWORD);
        registry.add("hub.ops.users[2].roles", () -> "viewer,unmask");
        registry.add("hub.ops.jmx.port", () -> JMX_PORT);
        registry.add("hub.ops.health.probe-timeout", () -> "1s");
    }

    /** Puts the fixed test mapping (with sex code 02) in place of the one with the gap. */
    static void fixMapping() {
        try {
            Files.copy(Path.of("src/test/resources/ops/mappings/ops-persons.fixed"),
                    CONFIG.resolve("mappings/ops-persons.yaml"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyConfig() {
        Path dir = tempDir("ops-config");
        try {
            for (String sub : new String[] {"catalogue", "codes"}) {
                Path from = Path.of("config", sub);
                Files.createDirectories(dir.resolve(sub));
                try (Stream<Path> files = Files.list(from)) {
                    for (Path f : files.toList()) {
                        Files.copy(f, dir.resolve(sub).resolve(f.getFileName()));
                    }
                }
            }
            Files.createDirectories(dir.resolve("mappings"));
            Files.copy(Path.of("src/test/resources/ops/mappings/ops-persons.yaml"), dir.resolve("mappings/ops-persons.yaml"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The department database bean the test route names ({@code opsPersonsDb}). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Beans {

        @Bean(defaultCandidate = false)
        DataSource opsPersonsDb() {
            return dataSource();
        }
    }
}
