package org.exchangehub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

@ExtendWith(OutputCaptureExtension.class)
class DemoConfigurationTest {

    private final String databaseName = "market-regulation-" + UUID.randomUUID();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    JdbcTemplateAutoConfiguration.class))
            .withUserConfiguration(DemoConfiguration.class)
            .withPropertyValues(
                    "hub.demo.enabled=true",
                    "hub.demo.market-regulation.database-name=" + databaseName,
                    "hub.demo.market-regulation.rows=300",
                    "spring.datasource.url=jdbc:h2:mem:state-" + UUID.randomUUID());

    @Test
    void theRegisterIsSeededAtStartUp() {
        runner.run(context -> {
            DataSource register = context.getBean("marketRegulationDb", DataSource.class);
            assertThat(rowCount(register)).isEqualTo(300);
        });
    }

    @Test
    void bootStillCreatesThePrimaryDataSource() {
        runner.run(context -> {
            assertThat(context).hasBean("dataSource").hasBean("marketRegulationDb");
            DataSource primary = context.getBean(DataSource.class);
            assertThat(primary).isInstanceOf(HikariDataSource.class).isSameAs(context.getBean("dataSource"));
            assertThat(primary).isNotSameAs(context.getBean("marketRegulationDb"));
            assertThat(context.getBean(JdbcTemplate.class).getDataSource()).isSameAs(primary);
        });
    }

    @Test
    void theRegisterIsNotInThePrimaryDataSource() {
        runner.run(context -> {
            Integer tables = context.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'T_QYDJ'", Integer.class);
            assertThat(tables).isZero();
        });
    }

    @Test
    void theRegisterTricklesWhileTheContextRuns() {
        runner.withPropertyValues("hub.demo.market-regulation.trickle-interval=50ms",
                        "hub.demo.market-regulation.trickle-inserts=4")
                .run(context -> {
                    DataSource register = context.getBean("marketRegulationDb", DataSource.class);
                    await("rows inserted by the trickle").atMost(Duration.ofSeconds(10))
                            .until(() -> rowCount(register) >= 308);
                });
    }

    @Test
    void theTrickleStopsWhenTheContextCloses() {
        MarketRegulationTrickle[] trickle = new MarketRegulationTrickle[1];
        runner.withPropertyValues("hub.demo.market-regulation.trickle-interval=50ms").run(context -> {
            trickle[0] = context.getBean(MarketRegulationTrickle.class);
            assertThat(trickle[0].isRunning()).isTrue();
        });
        assertThat(trickle[0].isRunning()).isFalse();
    }

    @Test
    void anExistingRegisterIsNotSeededAgain() {
        runner.run(context -> assertThat(rowCount(context.getBean("marketRegulationDb", DataSource.class)))
                .isEqualTo(300));
        runner.run(context -> assertThat(rowCount(context.getBean("marketRegulationDb", DataSource.class)))
                .isEqualTo(300));
    }

    @Test
    void nothingIsCreatedWhenTheDemoIsDisabled() {
        runner.withPropertyValues("hub.demo.enabled=false").run(context -> {
            assertThat(context).hasNotFailed().hasBean("dataSource");
            assertThat(context).doesNotHaveBean("marketRegulationDb")
                    .doesNotHaveBean(MarketRegulationDatabase.class)
                    .doesNotHaveBean(MarketRegulationTrickle.class);
        });
    }

    @Test
    void scanningForPropertiesAlongsideTheConfigurationBindsThemOnce() {
        runner.withUserConfiguration(ScanningApplication.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(DemoProperties.class);
        });
    }

    @ConfigurationPropertiesScan("org.exchangehub.demo")
    static class ScanningApplication {
    }

    @Test
    void defaultsSeedThreeThousandRowsAndTrickleEveryTwentySeconds() {
        new ApplicationContextRunner().withUserConfiguration(DemoConfiguration.class)
                .withPropertyValues("hub.demo.enabled=true",
                        "hub.demo.market-regulation.database-name=" + databaseName)
                .run(context -> {
                    DemoProperties.MarketRegulation settings =
                            context.getBean(DemoProperties.class).marketRegulation();
                    assertThat(settings.rows()).isEqualTo(3_000);
                    assertThat(settings.trickleInterval()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(rowCount(context.getBean("marketRegulationDb", DataSource.class)))
                            .isEqualTo(3_000);
                });
    }

    @Test
    void logLinesCarryCountsButNoPersonalValues(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("org.exchangehub.demo", LogLevel.DEBUG);
        try {
            runner.withPropertyValues("hub.demo.market-regulation.trickle-interval=20ms").run(context -> {
                MarketRegulationTrickle trickle = context.getBean(MarketRegulationTrickle.class);
                await("a few trickles").atMost(Duration.ofSeconds(10)).until(() -> trickle.runs() >= 3);
            });
        } finally {
            logging.setLogLevel("org.exchangehub.demo", null);
        }
        assertThat(output).contains("Market regulation demo database seeded: 300 rows")
                .contains("Market regulation demo trickle: 5 rows inserted");
        new EnterpriseGenerator(20260101).rows(1, 320).forEach(row -> {
            for (String value : new String[] {row.tyshxydm(), row.qymc(), row.fddbr()}) {
                if (value != null && !value.isBlank()) {
                    assertThat(output.getAll()).doesNotContain(value);
                }
            }
        });
    }

    @Test
    void aNegativeRowCountIsRefusedNamingTheKey() {
        assertRefused("hub.demo.market-regulation.rows=-1", "hub.demo.market-regulation.rows",
                "must be between 0 and 10000000");
    }

    @Test
    void aZeroTrickleIntervalIsRefusedNamingTheKey() {
        assertRefused("hub.demo.market-regulation.trickle-interval=0s", "hub.demo.market-regulation.trickle-interval",
                "must be a positive duration");
    }

    @Test
    void aNegativeTrickleInsertCountIsRefusedNamingTheKey() {
        assertRefused("hub.demo.market-regulation.trickle-inserts=-3", "hub.demo.market-regulation.trickle-inserts",
                "must be between 0 and 10000");
    }

    @Test
    void aNegativeTrickleUpdateCountIsRefusedNamingTheKey() {
        assertRefused("hub.demo.market-regulation.trickle-updates=-3", "hub.demo.market-regulation.trickle-updates",
                "must be between 0 and 10000");
    }

    @Test
    void aDatabaseNameThatIsNotPlainIsRefusedNamingTheKey() {
        assertRefused("hub.demo.market-regulation.database-name=x;INIT=RUNSCRIPT FROM 'evil.sql'",
                "hub.demo.market-regulation.database-name", "must be 1 to 64 letters, digits, '-' or '_'");
    }

    private void assertRefused(String property, String key, String problem) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            Throwable cause = context.getStartupFailure();
            while (cause != null && !(cause instanceof ConfigException)) {
                cause = cause.getCause();
            }
            assertThat(cause).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(key)
                    .hasMessageContaining(problem)
                    .hasMessageContaining("Fix:");
            assertThat(((ConfigException) cause).key()).isEqualTo(key);
        });
    }

    private static long rowCount(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.createStatement().executeQuery("SELECT COUNT(*) FROM T_QYDJ")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
