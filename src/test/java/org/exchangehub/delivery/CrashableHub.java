package org.exchangehub.delivery;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.exchangehub.ExchangeHubApplication;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The hub as a process of its own for {@link CrashRecoveryIT}: the real application in one-shot mode, reading the
 * market-regulation register from a database that outlives the process ({@code -Dcrash.source-url}, H2 or
 * PostgreSQL), so that a killed hub and its restart see the same source.
 */
public final class CrashableHub {

    private CrashableHub() {
    }

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(start(System.getProperty("crash.source-url"), Map.of("hub.once", "true"),
                args)));
    }

    /** The command that starts {@code main} in a JVM of its own on the test classpath, the register's URL given. */
    public static List<String> javaCommand(Class<?> main, String sourceUrlProperty, String sourceUrl, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-D" + sourceUrlProperty + "=" + sourceUrl,
                main.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Starts the hub, without a web server, on the register at {@code sourceUrl} (bean marketRegulationDb). */
    public static ConfigurableApplicationContext start(String sourceUrl, Map<String, Object> defaults, String[] args) {
        DataSource source;
        if (sourceUrl.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
            postgres.setURL(sourceUrl);
            source = postgres;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(sourceUrl);
            source = h2;
        }
        SpringApplication app = new SpringApplication(ExchangeHubApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(defaults);
        app.addInitializers(context -> ((GenericApplicationContext) context).registerBean("marketRegulationDb",
                DataSource.class, () -> source, bd -> ((AbstractBeanDefinition) bd).setDefaultCandidate(false)));
        return app.run(args);
    }
}
