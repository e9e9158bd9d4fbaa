package org.exchangehub.demo;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The demo market-regulation department: an in-memory H2 register seeded at start-up and trickled while the hub
 * runs, exposed as the DataSource bean {@code marketRegulationDb} for the department's route. That bean is not a
 * default candidate, so Boot still auto-configures the primary DataSource (the state store) and injection by
 * type keeps finding only that one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(DemoProperties.class)
public final class DemoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DemoConfiguration.class);

    /** The register, seeded before any other bean can reach its DataSource. */
    @Bean
    MarketRegulationDatabase marketRegulationDatabase(DemoProperties properties) {
        DemoProperties.MarketRegulation settings = properties.marketRegulation();
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(settings.jdbcUrl());
        MarketRegulationDatabase database =
                new MarketRegulationDatabase(dataSource, new EnterpriseGenerator(settings.seed()));
        database.createTableIfAbsent();
        long existing = database.count();
        if (existing > 0) {
            log.info("Market regulation demo database already holds {} rows; not seeding", existing);
        } else {
            SeedResult seeded = database.seed(settings.rows());
            log.info("Market regulation demo database seeded: {} rows ({} expected to be rejected)",
                    seeded.rows(), seeded.expectedRejected());
        }
        return database;
    }

    /** The department's database for its route ({@code dataSource: "#marketRegulationDb"}). */
    @Bean(defaultCandidate = false)
    DataSource marketRegulationDb(MarketRegulationDatabase marketRegulationDatabase) {
        return marketRegulationDatabase.dataSource();
    }

    /** Inserts and updates over time; off in one-shot mode, whose lake must hold exactly the seeded records. */
    @Bean
    @ConditionalOnProperty(name = "hub.once", havingValue = "false", matchIfMissing = true)
    MarketRegulationTrickle marketRegulationTrickle(MarketRegulationDatabase marketRegulationDatabase,
                                                    DemoProperties properties) {
        DemoProperties.MarketRegulation settings = properties.marketRegulation();
        return new MarketRegulationTrickle(marketRegulationDatabase, settings.trickleInterval(),
                settings.trickleInserts(), settings.trickleUpdates());
    }
}
