package org.exchangehub.delivery;

import java.util.Map;

import javax.sql.DataSource;

import org.exchangehub.ExchangeHubApplication;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
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
        String url = System.getProperty("crash.source-url");
        DataSource source;
        if (url.startsWith("jdbc:postgresql:")) {
            org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
            postgres.setURL(url);
            source = postgres;
        } else {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL(url);
            source = h2;
        }
        SpringApplication app = new SpringApplication(ExchangeHubApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("hub.once", "true"));
        app.addInitializers(context -> ((GenericApplicationContext) context).registerBean("marketRegulationDb",
                DataSource.class, () -> source, bd -> ((AbstractBeanDefinition) bd).setDefaultCandidate(false)));
        System.exit(SpringApplication.exit(app.run(args)));
    }
}
