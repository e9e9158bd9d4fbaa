package org.exchangehub.state;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The state store's database product, for the few statements where each database has a better form of its own
 * (an upsert, an insert that skips a row already there). The store asks once, on first use ({@link #lazily}).
 */
enum StateDatabase {
    H2, POSTGRESQL, OTHER;

    /** The product, asked of the database the first time it is needed and then kept. */
    static java.util.function.Supplier<StateDatabase> lazily(JdbcTemplate jdbc) {
        return new java.util.function.Supplier<>() {
            private volatile StateDatabase known;

            @Override
            public StateDatabase get() {
                StateDatabase db = known;
                if (db == null) {
                    db = of(jdbc);
                    known = db;
                }
                return db;
            }
        };
    }

    static StateDatabase of(JdbcTemplate jdbc) {
        String product = jdbc.execute((java.sql.Connection c) -> c.getMetaData().getDatabaseProductName());
        return "H2".equalsIgnoreCase(product) ? H2 : "PostgreSQL".equalsIgnoreCase(product) ? POSTGRESQL : OTHER;
    }
}
