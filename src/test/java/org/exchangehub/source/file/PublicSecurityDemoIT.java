package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole hub with the demo: the public-security department's embedded FTP server holds the night's GBK CSV and
 * fixed-width drops, and the department's two routes (routes/public-security-*.yaml, through the file-drop-source
 * Kamelet) deliver them to the lake as person records.
 */
@SpringBootTest
class PublicSecurityDemoIT {

    private static final Path ROOT = temp();

    @Autowired
    FeedRegistry feeds;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:ps-demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.lake.root", () -> ROOT.resolve("lake").toString());
        registry.add("hub.demo.market-regulation.database-name", () -> "mr-" + UUID.randomUUID());
        registry.add("hub.demo.market-regulation.rows", () -> "20");
        registry.add("hub.demo.market-regulation.trickle-interval", () -> "1h");
        registry.add("hub.demo.public-security.port", () -> "0");
        registry.add("hub.demo.public-security.home", () -> ROOT.resolve("ftp").toString());
        registry.add("hub.demo.public-security.csv-rows", () -> "125");
        registry.add("hub.demo.public-security.fixed-rows", () -> "125");
    }

    private static Path temp() {
        try {
            return Files.createTempDirectory("public-security-demo");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theDemoDropsAreDeliveredAsPersonRecordsWithTheDirtyRowsRejected() throws Exception {
        RunRecord csv = feeds.feed("public-security.households").orElseThrow().runNow();
        RunRecord fixed = feeds.feed("public-security.residents").orElseThrow().runNow();

        // 125 rows each; every 25th is dirty: bad check character, birth-date mismatch, bad phone (delivered with a
        // warning), no name, malformed line
        assertThat(csv.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(csv.rowsDelivered()).isEqualTo(121);
        assertThat(csv.rowsRejected()).isEqualTo(4);
        assertThat(csv.warnings()).isEqualTo(1);
        assertThat(fixed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(fixed.rowsDelivered()).isEqualTo(121);
        assertThat(fixed.rowsRejected()).isEqualTo(4);
        assertThat(personsInLake()).isEqualTo(242);
        assertThat(ROOT.resolve("ftp/hukou/daily/done/HJRK_20261127.csv")).exists();
        assertThat(ROOT.resolve("ftp/hukou/legacy/done/CZRK_20261127.dat")).exists();
    }

    private static long personsInLake() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM read_parquet('"
                     + ROOT.resolve("lake").toAbsolutePath() + "/person/**/*.parquet') WHERE length(id_number) = 18")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
