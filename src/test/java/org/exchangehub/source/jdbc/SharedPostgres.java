package org.exchangehub.source.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL for the JDBC source tests of a test JVM: started on first use (a start costs seconds),
 * stopped when the JVM ends. Each test class creates and drops its own tables.
 */
final class SharedPostgres {

    private static EmbeddedPostgres server;

    private SharedPostgres() {
    }

    static synchronized DataSource database() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException("the embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is ending; the server's folder is temporary
                }
            }));
        }
        return server.getPostgresDatabase();
    }
}
