package org.exchangehub.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every test that starts the whole hub needs: its own state store, lake and demo department, so that
 * Spring test contexts in one JVM never share state.
 */
public final class HubTestSupport {

    private HubTestSupport() {
    }

    /** A fresh temporary folder (for a lake root or a drop folder). */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A config folder of the project's catalogue and code tables with only the given mapping files, for a hub that
     * runs a test's own feeds ({@code hub.config-dir}).
     */
    public static void projectConfig(Path config, Path... mappings) throws IOException {
        for (String sub : java.util.List.of("catalogue", "codes")) {
            Files.createDirectories(config.resolve(sub));
            try (java.util.stream.Stream<Path> files = Files.list(Path.of("config", sub))) {
                for (Path f : files.toList()) {
                    Files.copy(f, config.resolve(sub).resolve(f.getFileName()));
                }
            }
        }
        Files.createDirectories(config.resolve("mappings"));
        for (Path m : mappings) {
            Files.copy(m, config.resolve("mappings").resolve(m.getFileName()));
        }
    }

    /** Runs one statement with bind parameters on a department's H2 database. */
    public static void execute(String url, String sql, Object... args) throws java.sql.SQLException {
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(url);
        try (java.sql.Connection c = ds.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }

    /**
     * An in-memory state store, the given lake root and a demo department database of its own; the demo's
     * trickle is slowed to once an hour so that only the test changes the department's data.
     */
    public static void isolatedHub(DynamicPropertyRegistry registry, Path lake) {
        String unique = UUID.randomUUID().toString();
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:state-" + unique + ";DB_CLOSE_DELAY=-1");
        registry.add("hub.lake.root", lake::toString);
        registry.add("hub.demo.market-regulation.database-name", () -> "mr-" + unique);
        registry.add("hub.demo.market-regulation.trickle-interval", () -> "1h");
        registry.add("hub.feed.redelivery-delay", () -> "10");
    }
}
