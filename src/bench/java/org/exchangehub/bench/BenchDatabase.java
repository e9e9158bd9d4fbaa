package org.exchangehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.exchangehub.demo.EnterpriseGenerator;
import org.exchangehub.demo.MarketRegulationDatabase;
import org.exchangehub.demo.SeedResult;

/**
 * The department database of the benchmark: an embedded PostgreSQL holding the market-regulation register
 * {@code T_QYDJ}, seeded with the demo's generator (5% dirty), plus an empty database for the hub's state store.
 */
final class BenchDatabase implements AutoCloseable {

    static final String STATE_DB = "hubstate";
    static final long SEED = 20261107L;

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private BenchDatabase(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static BenchDatabase start(Path work) throws IOException {
        Path dataDir = Files.createDirectories(work.resolve("pgdata"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(true)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("work_mem", "64MB")
                .setServerConfig("max_wal_size", "4GB");
        if (STATEMENTS) {
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all");
        }
        EmbeddedPostgres pg = builder.start();
        return new BenchDatabase(pg, dataDir);
    }

    /** Seeds {@code rows} rows, then VACUUM ANALYZE so that every stage sees the same settled table. */
    SeedResult seed(int rows) throws SQLException {
        DataSource ds = postgres.getPostgresDatabase(Map.of("reWriteBatchedInserts", "true"));
        MarketRegulationDatabase db = new MarketRegulationDatabase(ds, new EnterpriseGenerator(SEED));
        SeedResult result = db.seed(rows);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE T_QYDJ");
        }
        return result;
    }

    /** {@code bench.pgStatements=true}: the server counts time per statement (pg_stat_statements). */
    static final boolean STATEMENTS = Boolean.getBoolean("bench.pgStatements");

    /** pg_stat_statements: forgets what was counted so far (before a stage). */
    void resetStatements() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** pg_stat_statements: the statements that took the server's time since the reset, as a markdown table. */
    String statements(String title, int top) throws SQLException {
        StringBuilder out = new StringBuilder("#### Server time per statement: " + title + "\n\n"
                + "| database | calls | rows | total ms | mean ms | statement |\n|---|--:|--:|--:|--:|---|\n");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT d.datname, calls, rows, total_exec_time, mean_exec_time, query"
                     + " FROM pg_stat_statements p JOIN pg_database d ON d.oid = p.dbid"
                     + " ORDER BY total_exec_time DESC LIMIT " + top)) {
            while (rs.next()) {
                String query = rs.getString(6).replaceAll("\\s+", " ").replace("|", "\\|");
                out.append(String.format("| %s | %,d | %,d | %,.0f | %,.2f | %s |%n", rs.getString(1),
                        rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5),
                        query.length() > 160 ? query.substring(0, 160) + " …" : query));
            }
        }
        return out.toString();
    }

    /** Creates an empty database (a fresh state store per hub run). */
    void createDatabase(String name) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** The source data's size: the bytes of every value as the database holds them (text octets, 8 per number). */
    long sourceBytes() throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(16 + COALESCE(OCTET_LENGTH(TYSHXYDM),0)"
                     + " + COALESCE(OCTET_LENGTH(QYMC),0) + COALESCE(OCTET_LENGTH(FDDBR),0)"
                     + " + COALESCE(OCTET_LENGTH(ZCZB),0) + COALESCE(OCTET_LENGTH(CLRQ),0)"
                     + " + COALESCE(OCTET_LENGTH(XZQH),0) + COALESCE(OCTET_LENGTH(DJZT),0)) FROM T_QYDJ")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String jdbcUrl(String database) {
        return postgres.getJdbcUrl("postgres", database);
    }

    /** A small pool on the department database, autocommit off so that PostgreSQL streams with a cursor. */
    HikariDataSource streamingPool(String name) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName(name);
        ds.setJdbcUrl(jdbcUrl("postgres"));
        ds.setAutoCommit(false);
        ds.setReadOnly(true);
        ds.setMaximumPoolSize(2);
        return ds;
    }

    /** The postmaster's process id, for {@link DbCpu}. */
    long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
