package org.exchangehub.state;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state store's database product, for the few statements where each database has a better form of its own
 * (an upsert, an insert that skips a row already there). Asked once per use site, on first use.
 */
enum StateDatabase {
    H2, POSTGRESQL, OTHER;

    static StateDatabase of(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return "H2".equalsIgnoreCase(product) ? H2 : "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : OTHER;
    }
}
