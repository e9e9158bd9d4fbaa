package org.exchangehub.state;

import java.io.IOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The state store's behaviours on PostgreSQL, the production database, started embedded. */
class JdbcStateStorePostgresTest extends JdbcStateStoreContract {

    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        migrate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Override
    DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    /** A new data source, hence new connections and a new store; the server itself keeps running. */
    @Override
    DataSource restarted() {
        return postgres.getPostgresDatabase();
    }
}
