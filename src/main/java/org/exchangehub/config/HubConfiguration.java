package org.exchangehub.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.feed.FeedIdResolver;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.JdbcStateStore;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.exchangehub.unify.FeedMappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Wires the hub: the state store on the primary data source, the catalogue, division codes and feed
 * mappings loaded from {@code config/}, and the check of {@code routes/} against {@code connectors/}. Every
 * configuration problem stops start-up with the file, key and fix.
 */
@Configuration(proxyBeanMethods = false)
public class HubConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(HubConfiguration.class);

    /** The state store's data source ({@code spring.datasource.*}); primary, so that department databases never replace it. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource stateDataSource(DataSourceProperties properties) {
        HikariDataSource ds = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        ds.setPoolName("state-store");
        return ds;
    }

    /** Department databases from {@code hub.datasources.*}. */
    @Bean
    static DepartmentDataSources departmentDataSources() {
        return new DepartmentDataSources();
    }

    /** The state store; in cluster mode it commits a feed's batches only while this instance holds the feed. */
    @Bean
    JdbcStateStore stateStore(DataSource stateDataSource, org.exchangehub.cluster.ClusterProperties cluster) {
        return new JdbcStateStore(stateDataSource, new JdbcTransactionManager(stateDataSource), Clock.systemUTC(),
                cluster.instance(), cluster.enabled());
    }

    @Bean
    FeedRegistry feedRegistry(HubProperties hub) {
        FeedRegistry registry = new FeedRegistry();
        registry.suspendScheduling(hub.once() || !hub.schedulingEnabled());
        return registry;
    }

    /** Lets sources whose consuming route started after them (route reload) take their feed id. */
    @Bean
    CamelContextConfiguration feedIdResolution(FeedRegistry feedRegistry) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                camelContext.getManagementStrategy().addEventNotifier(new FeedIdResolver(feedRegistry));
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // nothing to do
            }
        };
    }

    @Bean
    Catalogue catalogue(HubProperties hub) {
        return CatalogueLoader.load(hub.catalogueDir());
    }

    @Bean
    DivisionCodes divisionCodes(HubProperties hub) {
        DivisionCodes codes = loadDivisionCodes(hub);
        if (codes.configured()) {
            LOG.info("Division codes: {} from {}", codes.size(), hub.divisionCodes());
        } else {
            LOG.info("No division table at {}: division codes are checked for 6 digits only", hub.divisionCodes());
        }
        return codes;
    }

    /**
     * The shipped table is optional (without it only the 6-digit form is checked), but a table named by
     * {@code hub.codes.divisions} must be there: a mistyped path would otherwise switch the check off silently.
     */
    static DivisionCodes loadDivisionCodes(HubProperties hub) {
        Path table = hub.divisionCodes();
        if (!hub.codes().divisionsSet()) {
            return DivisionCodes.loadIfPresent(table);
        }
        if (!Files.isRegularFile(table)) {
            throw new ConfigException("application configuration", "hub.codes.divisions", hub.codes().divisions(),
                    "names no file (looked for " + table.toAbsolutePath() + ")",
                    "point it at a code,name CSV such as config/codes/divisions.csv, or remove the setting to use "
                            + "the shipped table");
        }
        return DivisionCodes.load(table);
    }

    /** Tells each source which columns its feed's mapping reads: the schema check before each run. */
    @Bean
    org.exchangehub.unify.RouteMappings routeMappings(FeedMappings mappings) {
        return new org.exchangehub.unify.RouteMappings(mappings);
    }

    @Bean
    FeedMappings feedMappings(HubProperties hub, Catalogue catalogue, DivisionCodes divisions,
            @Value("${camel.component.kamelet.location:file:connectors}") String connectorsLocation,
            @Value("${camel.main.routes-include-pattern:file:routes/*.yaml}") String routesPattern,
            @Value("${camel.main.routes-exclude-pattern:}") String routesExcludePattern) {
        FeedMappings mappings = FeedMappings.load(hub.mappingsDir(), catalogue, divisions, Clock.systemDefaultZone());
        List<ConfigException> problems = new ArrayList<>();
        ConnectorCatalogue connectors = ConnectorCatalogue.load(folder(connectorsLocation), problems);
        List<String> warnings = new ArrayList<>();
        new RouteValidator(connectors, mappings.names())
                .validate(RouteFiles.select(routesPattern, routesExcludePattern, problems, warnings), problems);
        warnings.forEach(w -> LOG.warn("Configuration: {}", w));
        if (!problems.isEmpty()) {
            problems.forEach(p -> LOG.error("Configuration problem: {}", p.getMessage()));
            throw problems.get(0);
        }
        return mappings;
    }

    /** The folder of a {@code file:} location or pattern such as {@code file:routes/*.yaml}. */
    static Path folder(String location) {
        String first = location.split(",")[0].trim();
        String path = first.startsWith("file:") ? first.substring("file:".length()) : first;
        int star = path.indexOf('*');
        if (star >= 0) {
            path = path.substring(0, path.lastIndexOf('/', star) + 1);
        }
        return Path.of(path.isEmpty() ? "." : path);
    }
}
