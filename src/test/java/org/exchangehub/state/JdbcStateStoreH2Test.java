package org.exchangehub.state;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** The state store's behaviours on an embedded H2 file database, the hub's default. */
class JdbcStateStoreH2Test extends JdbcStateStoreContract {

    @TempDir
    static Path dir;

    static JdbcDataSource dataSource;

    @BeforeAll
    static void createDatabase() {
        dataSource = h2(dir);
        migrate(dataSource);
    }

    static JdbcDataSource h2(Path dir) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath() + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    @Override
    DataSource dataSource() {
        return dataSource;
    }

    /** Shuts the database down (its files closed) and opens it again through a new data source. */
    @Override
    DataSource restarted() {
        new JdbcTemplate(dataSource).execute("SHUTDOWN");
        dataSource = h2(dir);
        return dataSource;
    }
}
