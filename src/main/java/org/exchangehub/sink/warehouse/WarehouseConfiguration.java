package org.exchangehub.sink.warehouse;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The warehouse database as the DataSource bean {@code warehouseDb}, when {@code hub.warehouse.url} is set. The
 * pool connects on first use, so a configured but switched-off warehouse sink opens no connection. The bean is not
 * a default candidate: injection by type keeps finding only the state store's DataSource.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.warehouse.url")
@EnableConfigurationProperties(WarehouseProperties.class)
public class WarehouseConfiguration {

    private static final int DEFAULT_POOL_SIZE = 4;

    @Bean(defaultCandidate = false, destroyMethod = "close")
    DataSource warehouseDb(WarehouseProperties properties) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("warehouse");
        ds.setJdbcUrl(properties.url());
        ds.setUsername(properties.username());
        ds.setPassword(properties.password());
        ds.setMaximumPoolSize(properties.maxPoolSize() == null ? DEFAULT_POOL_SIZE : properties.maxPoolSize());
        ds.setMinimumIdle(0);
        return ds;
    }
}
