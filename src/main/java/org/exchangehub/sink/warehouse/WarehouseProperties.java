package org.exchangehub.sink.warehouse;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The warehouse database ({@code hub.warehouse.*}) behind the DataSource bean {@code warehouseDb} that the
 * warehouse sink Kamelet uses by default.
 *
 * @param url      JDBC URL; for PostgreSQL add {@code reWriteBatchedInserts=true}
 * @param username account allowed to create tables in the target schema and to write them
 * @param password its password; never printed
 * @param maxPoolSize most connections the hub holds (one per feed delivering at the same time is enough)
 */
@ConfigurationProperties("hub.warehouse")
public record WarehouseProperties(String url, String username, String password, Integer maxPoolSize) {

    @Override
    public String toString() {
        return "WarehouseProperties[url=" + url + ", username=" + username + ", password=****]";
    }
}
