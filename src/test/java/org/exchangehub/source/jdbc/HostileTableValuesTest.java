package org.exchangehub.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.source.HostileValues;
import org.exchangehub.state.JdbcStateStore;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.Watermark;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile values in a real PostgreSQL table (embedded): injections, a megabyte and control characters reach the
 * records byte-for-byte, a hostile key is only ever a bound watermark, and the table {@code x} survives every run.
 * (PostgreSQL text cannot hold NUL at all, so NUL is proven through the REST and file sources.)
 */
class HostileTableValuesTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 3, 1, 9, 0, 0);

    private DataSource source;
    private DefaultCamelContext camel;
    private FeedConsumer feed;
    private JdbcStateStore state;
    private final List<SourceRecord> records = new CopyOnWriteArrayList<>();

    @BeforeEach
    void createTablesAndStartTheFeed() throws Exception {
        source = SharedPostgres.database();
        execute("DROP TABLE IF EXISTS t_person; DROP TABLE IF EXISTS x;"
                + " CREATE TABLE t_person (id TEXT PRIMARY KEY, name TEXT, updated_at TIMESTAMP);"
                + " CREATE TABLE x (canary TEXT); INSERT INTO x VALUES ('still here')");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:hostile-jdbc-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/state").load().migrate();
        FeedRegistry feeds = new FeedRegistry();
        feeds.suspendScheduling(true);
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("src", source);
        state = new JdbcStateStore(h2);
        camel.getRegistry().bind("state", state);
        camel.getRegistry().bind("feeds", feeds);
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("jdbc-incremental:T_PERSON?dataSource=#src&keyColumn=ID&changeColumn=UPDATED_AT&lookBack=0s"
                        + "&initialDelay=1h").routeId("test.persons")
                        .process(e -> records.addAll(e.getIn().getBody(Batch.class).records()));
            }
        });
        camel.start();
        feed = feeds.feed("test.persons").orElseThrow();
    }

    @AfterEach
    void stopCamel() throws IOException {
        camel.close();
    }

    @ParameterizedTest
    @MethodSource("org.exchangehub.source.HostileValues#text")
    void anInjectionInAColumnReachesTheRecordByteForByteAndTableXSurvives(String hostile) throws Exception {
        insert("P1", hostile, T0);
        insert("P2", "姓名2", T0.plusSeconds(1));

        RunRecord run = feed.runNow();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(records).extracting(SourceRecord::sourceKey).containsExactly("P1", "P2");
        assertThat(records.get(0).get("name")).isEqualTo(hostile);
        assertThat(tableX()).isEqualTo("still here");
    }

    @Test
    void aHostileKeyBecomesTheWatermarkAndTheNextRunBindsItAsData() throws Exception {
        String key = HostileValues.TEXT.get(0);
        insert(key, "姓名1", T0);
        feed.runNow();
        assertThat(state.watermark("test.persons")).contains(new Watermark(T0, key));
        records.clear();
        insert("P2", "姓名2", T0.plusSeconds(1));

        RunRecord next = feed.runNow();

        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(records).extracting(SourceRecord::sourceKey).containsExactly("P2");
        assertThat(tableX()).isEqualTo("still here");
    }

    @Test
    void aMegabyteValueReachesTheRecordWholeAndTheOtherRowIsDelivered() throws Exception {
        String megabyte = HostileValues.megabyte();
        insert("P1", megabyte, T0);
        insert("P2", "姓名2", T0.plusSeconds(1));

        feed.runNow();

        assertThat(records).extracting(SourceRecord::sourceKey).containsExactly("P1", "P2");
        assertThat(records.get(0).get("name")).isEqualTo(megabyte);
    }

    @Test
    void controlCharactersInAColumnAreDataAndTheOtherRowIsDelivered() throws Exception {
        String controls = HostileValues.CONTROLS.replace("\u0000", "");
        insert("P1", controls, T0);
        insert("P2", "姓名2", T0.plusSeconds(1));

        feed.runNow();

        assertThat(records).extracting(SourceRecord::sourceKey).containsExactly("P1", "P2");
        assertThat(records.get(0).get("name")).isEqualTo(controls);
    }

    private void insert(String id, String name, LocalDateTime updatedAt) throws SQLException {
        try (Connection c = source.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO t_person VALUES (?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setObject(3, updatedAt);
            ps.executeUpdate();
        }
    }

    private String tableX() throws SQLException {
        try (Connection c = source.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT canary FROM x")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = source.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
