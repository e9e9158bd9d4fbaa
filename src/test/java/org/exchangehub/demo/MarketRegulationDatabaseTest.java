package org.exchangehub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MarketRegulationDatabaseTest {

    private final EnterpriseGenerator generator = new EnterpriseGenerator(2026);
    private JdbcDataSource dataSource;
    private MarketRegulationDatabase database;

    @BeforeEach
    void freshDatabase() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:market-regulation-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        database = new MarketRegulationDatabase(dataSource, generator);
    }

    @Test
    void seedingThreeThousandRowsStoresThreeThousandRows() {
        SeedResult seeded = database.seed(3_000);

        assertThat(seeded.rows()).isEqualTo(3_000);
        assertThat(seeded.firstId()).isEqualTo(1);
        assertThat(seeded.lastId()).isEqualTo(3_000);
        assertThat(database.count()).isEqualTo(3_000);
    }

    @Test
    void seededRowsAreStoredExactlyAsGenerated() throws SQLException {
        database.seed(3_000);

        List<EnterpriseRow> stored = readRows("SELECT * FROM T_QYDJ ORDER BY ID");
        assertThat(stored).isEqualTo(generator.rows(1, 3_000).toList());
    }

    @Test
    void storedRowsExpectedToBeValidMatchWhatTheSeedReported() throws SQLException {
        SeedResult seeded = database.seed(3_000);

        long validStored = readRows("SELECT * FROM T_QYDJ").stream().filter(EnterpriseRow::expectedValid).count();
        assertThat(validStored).isEqualTo(seeded.expectedValid());
        assertThat(seeded.expectedRejected()).isBetween(120, 180);
        assertThat(database.expectedValidUsccs()).hasSize(seeded.expectedValid());
    }

    @Test
    void seededChangeTimesLieInThePastWeek() throws SQLException {
        Instant before = Instant.now();
        database.seed(3_000);

        Map<Long, Instant> changes = changeTimes();
        assertThat(changes.values()).allSatisfy(time -> assertThat(time)
                .isBefore(before)
                .isAfter(before.minus(MarketRegulationDatabase.SEED_SPREAD).minusSeconds(5)));
        assertThat(changes.values().stream().distinct().count()).isGreaterThan(2_900);
    }

    @Test
    void seedingAgainAppendsAfterTheExistingRows() {
        database.seed(100);

        SeedResult second = database.seed(50);

        assertThat(second.firstId()).isEqualTo(101);
        assertThat(database.count()).isEqualTo(150);
    }

    @Test
    void creatingTheTableTwiceKeepsItsRows() {
        database.seed(10);

        database.createTableIfAbsent();

        assertThat(database.count()).isEqualTo(10);
    }

    @Test
    void theTableHasAnIndexOnChangeTimeAndId() throws SQLException {
        database.createTableIfAbsent();

        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.INDEX_COLUMNS "
                     + "WHERE INDEX_NAME = 'IX_QYDJ_GXSJ_ID' ORDER BY ORDINAL_POSITION")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        assertThat(columns).containsExactly("GXSJ", "ID");
    }

    @Test
    void trickleInsertsNewRowsWithALaterChangeTime() throws SQLException {
        database.seed(500);
        Instant latestBefore = latestChange();

        TrickleResult trickle = database.trickle(20, 0);

        assertThat(trickle.inserted()).extracting(EnterpriseRow::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(501, 520).boxed().toList());
        assertThat(trickle.changeTime()).isAfter(latestBefore);
        assertThat(database.count()).isEqualTo(520);
        Map<Long, Instant> changes = changeTimes();
        for (long id = 501; id <= 520; id++) {
            assertThat(changes.get(id)).isEqualTo(trickle.changeTime());
        }
    }

    @Test
    void trickleUpdatesExistingRowsWithALaterChangeTime() throws SQLException {
        database.seed(500);
        Instant latestBefore = latestChange();
        Map<Long, EnterpriseRow> before = byId(readRows("SELECT * FROM T_QYDJ"));

        TrickleResult trickle = database.trickle(0, 30);

        assertThat(trickle.updated()).hasSize(30);
        assertThat(trickle.updatedIds()).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isBetween(1L, 500L));
        assertThat(database.count()).isEqualTo(500);
        Map<Long, EnterpriseRow> after = byId(readRows("SELECT * FROM T_QYDJ"));
        Map<Long, Instant> changes = changeTimes();
        for (TrickleResult.Update update : trickle.updated()) {
            assertThat(changes.get(update.id())).isEqualTo(trickle.changeTime()).isAfter(latestBefore);
            EnterpriseRow was = before.get(update.id());
            EnterpriseRow now = after.get(update.id());
            if (update.column().equals("DJZT")) {
                assertThat(now.djzt()).isNotEqualTo(was.djzt()).isIn("01", "02", "03", "04");
                assertThat(now.zczb()).isEqualTo(was.zczb());
            } else {
                assertThat(now.zczb()).isNotEqualTo(was.zczb());
                assertThat(now.djzt()).isEqualTo(was.djzt());
            }
        }
    }

    @Test
    void updatesNeverChangeWhichRowsTheHubShouldDeliver() {
        database.seed(2_000);
        var validBefore = database.expectedValidUsccs();

        for (int i = 0; i < 10; i++) {
            database.trickle(0, 100);
        }

        assertThat(database.expectedValidUsccs()).isEqualTo(validBefore);
    }

    @Test
    void eachTrickleIsLaterThanTheOneBefore() {
        database.seed(10);

        TrickleResult first = database.trickle(1, 1);
        TrickleResult second = database.trickle(1, 1);

        assertThat(second.changeTime()).isAfter(first.changeTime());
    }

    @Test
    void trickleKeepsChangeTimesAheadOfAClockThatLagsBehind() {
        Instant lagging = Instant.now().minus(Duration.ofDays(30));
        var laggingDatabase = new MarketRegulationDatabase(dataSource, generator,
                Clock.fixed(lagging, ZoneOffset.UTC));
        database.seed(10);
        Instant latest = database.trickle(1, 0).changeTime();

        TrickleResult trickle = laggingDatabase.trickle(1, 1);

        assertThat(trickle.changeTime()).isAfter(latest);
    }

    @Test
    void trickleIntoAnEmptyTableOnlyInserts() {
        database.createTableIfAbsent();

        TrickleResult trickle = database.trickle(5, 5);

        assertThat(trickle.inserted()).hasSize(5);
        assertThat(trickle.updated()).isEmpty();
    }

    private List<EnterpriseRow> readRows(String sql) throws SQLException {
        List<EnterpriseRow> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                long id = rs.getLong("ID");
                rows.add(new EnterpriseRow(id, rs.getString("TYSHXYDM"), rs.getString("QYMC"),
                        rs.getString("FDDBR"), rs.getString("ZCZB"), rs.getString("CLRQ"), rs.getString("XZQH"),
                        rs.getString("DJZT"), generator.row(id).kind()));
            }
        }
        return rows;
    }

    private Map<Long, Instant> changeTimes() throws SQLException {
        Map<Long, Instant> times = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT ID, GXSJ FROM T_QYDJ")) {
            while (rs.next()) {
                times.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
            }
        }
        return times;
    }

    private Instant latestChange() throws SQLException {
        return changeTimes().values().stream().max(Instant::compareTo).orElseThrow();
    }

    private static Map<Long, EnterpriseRow> byId(List<EnterpriseRow> rows) {
        Map<Long, EnterpriseRow> map = new HashMap<>();
        rows.forEach(row -> map.put(row.id(), row));
        return map;
    }
}
