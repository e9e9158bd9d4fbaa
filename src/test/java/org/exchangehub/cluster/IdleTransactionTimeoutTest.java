package org.exchangehub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cluster mode's PostgreSQL pools end a transaction left idle past the lease: the row locks of an instance paused
 * mid-transaction do not hold up the feed's new leader, and the paused instance's commit fails when it wakes.
 */
class IdleTransactionTimeoutTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = EmbeddedPostgres.start();
        new JdbcTemplate(postgres.getPostgresDatabase())
                .execute("CREATE TABLE feed_row (feed_id VARCHAR(40) PRIMARY KEY, n INT); INSERT INTO feed_row VALUES ('f', 0)");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void aTransactionLeftIdlePastTheLeaseIsEndedAndItsRowsFreed() throws SQLException {
        try (HikariDataSource paused = pool(postgres.getJdbcUrl("postgres", "postgres"))) {
            new IdleTransactionTimeout(Duration.ofSeconds(1)).postProcessAfterInitialization(paused, "stateDataSource");
            try (Connection stale = paused.getConnection(); Connection leader = postgres.getPostgresDatabase()
                    .getConnection(); Statement update = leader.createStatement()) {
                stale.setAutoCommit(false);
                try (Statement s = stale.createStatement()) {
                    s.executeUpdate("UPDATE feed_row SET n = 1 WHERE feed_id = 'f'"); // then the instance pauses
                }
                update.execute("SET lock_timeout = '30s'"); // far past the lease: fails only if the lock is kept

                assertThat(update.executeUpdate("UPDATE feed_row SET n = 2 WHERE feed_id = 'f'"))
                        .as("the new leader gets the row").isEqualTo(1);
                assertThatThrownBy(stale::commit).as("the paused instance's commit, when it wakes")
                        .isInstanceOf(SQLException.class);
            }
        }
        assertThat(new JdbcTemplate(postgres.getPostgresDatabase())
                .queryForObject("SELECT n FROM feed_row WHERE feed_id = 'f'", Integer.class)).isEqualTo(2);
    }

    @Test
    void aPoolWithItsOwnInitSqlIsLeftAsConfigured() {
        try (HikariDataSource pool = pool(postgres.getJdbcUrl("postgres", "postgres"))) {
            pool.setConnectionInitSql("SET search_path = ods");

            new IdleTransactionTimeout(Duration.ofSeconds(5)).postProcessAfterInitialization(pool, "warehouseDb");

            assertThat(pool.getConnectionInitSql()).isEqualTo("SET search_path = ods");
        }
    }

    @Test
    void aPoolOnAnotherDatabaseIsLeftAlone() {
        try (HikariDataSource pool = pool("jdbc:h2:mem:state")) {
            new IdleTransactionTimeout(Duration.ofSeconds(5)).postProcessAfterInitialization(pool, "stateDataSource");

            assertThat(pool.getConnectionInitSql()).isNull();
        }
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMinimumIdle(0);
        pool.setMaximumPoolSize(1);
        return pool;
    }
}
