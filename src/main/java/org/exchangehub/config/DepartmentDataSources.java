package org.exchangehub.config;

import java.time.Duration;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Department databases declared in configuration, so that onboarding a database feed needs no Java:
 * {@code hub.datasources.<name>.url}, {@code username}, {@code password} (and optionally
 * {@code max-pool-size}, {@code connection-timeout}) become a DataSource bean {@code <name>} that routes
 * reference as {@code dataSource: <name>}. Connections are read-only and the pool is small, to pull gently.
 */
public final class DepartmentDataSources implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private static final String PREFIX = "hub.datasources";

    private Environment environment;

    /** One department database. */
    public record Settings(String url, String username, Secret password, Integer maxPoolSize,
            Duration connectionTimeout) {
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Map<String, Settings> sources = Binder.get(environment)
                .bind(PREFIX, Bindable.mapOf(String.class, Settings.class)).orElse(Map.of());
        sources.forEach((name, settings) -> {
            if (settings.url() == null || settings.url().isBlank()) {
                throw new ConfigException("application configuration", PREFIX + "." + name + ".url", null,
                        "a department data source needs a JDBC URL",
                        "set " + PREFIX + "." + name + ".url, e.g. jdbc:postgresql://host:5432/db");
            }
            if (registry.containsBeanDefinition(name)) {
                throw new ConfigException("application configuration", PREFIX + "." + name, null,
                        "a bean named '" + name + "' already exists (the demo defines its own department databases)",
                        "choose another name, or switch the demo off with hub.demo.enabled=false");
            }
            RootBeanDefinition definition = new RootBeanDefinition(HikariDataSource.class, () -> create(name, settings));
            definition.setDefaultCandidate(false); // never mistaken for the state store's data source
            definition.setDestroyMethodName("close");
            registry.registerBeanDefinition(name, definition);
        });
    }

    private static HikariDataSource create(String name, Settings settings) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("department-" + name);
        ds.setJdbcUrl(settings.url());
        ds.setUsername(settings.username());
        if (settings.password() != null) {
            ds.setPassword(settings.password().reveal());
        }
        ds.setReadOnly(true);
        ds.setMaximumPoolSize(settings.maxPoolSize() == null ? 2 : settings.maxPoolSize());
        ds.setMinimumIdle(0);
        ds.setConnectionTimeout((settings.connectionTimeout() == null ? Duration.ofSeconds(10)
                : settings.connectionTimeout()).toMillis());
        ds.setInitializationFailTimeout(-1); // a department database that is down must not stop the hub
        return ds;
    }
}
