package org.exchangehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The benchmark's path: the same generator and loader against a real (embedded) PostgreSQL. */
class MarketRegulationDatabasePostgresIT {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private final EnterpriseGenerator generator = new EnterpriseGenerator(2026);
    private final MarketRegulationDatabase database = new MarketRegulationDatabase(dataSource, generator);

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        // the driver turns a batch of single-row inserts into multi-row inserts only when asked to
        dataSource = postgres.getPostgresDatabase(Map.of("reWriteBatchedInserts", "true"));
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void dropTable() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS T_QYDJ");
        }
    }

    @Test
    void seedingTwentyThousandRowsIsFast() {
        long started = System.nanoTime();
        SeedResult seeded = database.seed(20_000);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(database.count()).isEqualTo(20_000);
        assertThat(took).isLessThan(Duration.ofSeconds(20));
        assertThat(database.expectedValidUsccs()).hasSize(seeded.expectedValid());
    }

    @Test
    void rowsAreStoredExactlyAsGenerated() throws SQLException {
        database.seed(2_000);

        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM T_QYDJ ORDER BY ID")) {
            long id = 0;
            while (rs.next()) {
                EnterpriseRow expected = generator.row(++id);
                assertThat(new EnterpriseRow(rs.getLong("ID"), rs.getString("TYSHXYDM"), rs.getString("QYMC"),
                        rs.getString("FDDBR"), rs.getString("ZCZB"), rs.getString("CLRQ"), rs.getString("XZQH"),
                        rs.getString("DJZT"), expected.kind())).isEqualTo(expected);
            }
            assertThat(id).isEqualTo(2_000);
        }
    }

    @Test
    void trickleInsertsAndUpdatesWithALaterChangeTime() throws SQLException {
        database.seed(1_000);
        Instant latestBefore = latestChange();

        TrickleResult trickle = database.trickle(10, 10);

        assertThat(database.count()).isEqualTo(1_010);
        assertThat(trickle.updated()).hasSize(10);
        assertThat(trickle.changeTime()).isAfter(latestBefore);
        assertThat(latestChange()).isEqualTo(trickle.changeTime());
    }

    private static Instant latestChange() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT MAX(GXSJ) FROM T_QYDJ")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
