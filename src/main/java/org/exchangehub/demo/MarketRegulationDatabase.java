package org.exchangehub.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The market-regulation department's enterprise register ({@code T_QYDJ}) in any JDBC database (H2 for the demo,
 * PostgreSQL for the benchmark): creates the legacy table, seeds it with generated rows in batches, and trickles
 * inserts and updates as a live register would. Rows stream from the {@link EnterpriseGenerator}, so seeding
 * millions of rows needs constant memory. Updates never change whether a row is valid, so the set of rows the hub
 * should deliver stays predictable from the generator. SQL is fixed text; every value is a bound parameter.
 */
public final class MarketRegulationDatabase {

    /** The table name, exactly as the hub's mapping expects it. */
    public static final String TABLE = "T_QYDJ";
    /** Rows per JDBC batch. */
    static final int BATCH_SIZE = 1_000;
    /** Rows per transaction while seeding. */
    static final int COMMIT_SIZE = 5_000;
    /** Seeded change times lie between one second and this long before the seed started. */
    static final Duration SEED_SPREAD = Duration.ofDays(7);

    private static final String CREATE_TABLE = "CREATE TABLE IF NOT EXISTS T_QYDJ ("
            + "ID BIGINT PRIMARY KEY, "
            + "TYSHXYDM VARCHAR(18), "
            + "QYMC VARCHAR(200), "
            + "FDDBR VARCHAR(50), "
            + "ZCZB VARCHAR(30), "
            + "CLRQ VARCHAR(10), "
            + "XZQH VARCHAR(6), "
            + "DJZT VARCHAR(10), "
            + "GXSJ TIMESTAMP NOT NULL)";
    private static final String CREATE_INDEX = "CREATE INDEX IF NOT EXISTS IX_QYDJ_GXSJ_ID ON T_QYDJ (GXSJ, ID)";
    private static final String INSERT = "INSERT INTO T_QYDJ "
            + "(ID, TYSHXYDM, QYMC, FDDBR, ZCZB, CLRQ, XZQH, DJZT, GXSJ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String HIGH_WATER = "SELECT MAX(ID), MAX(GXSJ) FROM T_QYDJ";
    private static final String SELECT_CHANGEABLE = "SELECT DJZT, ZCZB FROM T_QYDJ WHERE ID = ?";
    private static final String UPDATE_STATUS = "UPDATE T_QYDJ SET DJZT = ?, GXSJ = ? WHERE ID = ?";
    private static final String UPDATE_CAPITAL = "UPDATE T_QYDJ SET ZCZB = ?, GXSJ = ? WHERE ID = ?";
    private static final String COUNT = "SELECT COUNT(*) FROM T_QYDJ";
    private static final String SELECT_KEYS = "SELECT ID, TYSHXYDM FROM T_QYDJ";

    private final DataSource dataSource;
    private final EnterpriseGenerator generator;
    private final Clock clock;
    private final SplittableRandom random;

    public MarketRegulationDatabase(DataSource dataSource, EnterpriseGenerator generator) {
        this(dataSource, generator, Clock.systemUTC());
    }

    public MarketRegulationDatabase(DataSource dataSource, EnterpriseGenerator generator, Clock clock) {
        this.dataSource = dataSource;
        this.generator = generator;
        this.clock = clock;
        this.random = new SplittableRandom(generator.seed() ^ 0x7A3C5E91B2D4F608L);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public EnterpriseGenerator generator() {
        return generator;
    }

    /** Creates {@code T_QYDJ} and its {@code (GXSJ, ID)} index unless they exist. */
    public void createTableIfAbsent() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(CREATE_TABLE);
            statement.execute(CREATE_INDEX);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            throw failure("create table " + TABLE, e);
        }
    }

    /**
     * Creates the table if needed and appends {@code rows} generated rows after the highest id present, in
     * batches of {@value #BATCH_SIZE}, committing every {@value #COMMIT_SIZE}. Change times are spread over the
     * {@link #SEED_SPREAD} before now and all lie at least a second in the past.
     */
    public SeedResult seed(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, was " + rows);
        }
        createTableIfAbsent();
        Map<RowKind, Integer> kinds = new EnumMap<>(RowKind.class);
        long firstId;
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                firstId = highWater(connection).maxId() + 1;
                long newest = clock.millis() - 1_000;
                SplittableRandom ages = new SplittableRandom(generator.seed() * 31 + firstId);
                long spread = SEED_SPREAD.toMillis();
                for (int i = 0; i < rows; i++) {
                    EnterpriseRow row = generator.row(firstId + i);
                    bind(insert, row, new Timestamp(newest - ages.nextLong(spread)));
                    insert.addBatch();
                    kinds.merge(row.kind(), 1, Integer::sum);
                    if ((i + 1) % BATCH_SIZE == 0) {
                        insert.executeBatch();
                        if ((i + 1) % COMMIT_SIZE == 0) {
                            connection.commit();
                        }
                    }
                }
                insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("seed " + TABLE, e);
        }
        return new SeedResult(firstId, rows, kinds);
    }

    /**
     * Inserts {@code inserts} new generated rows (dirty ones included, at the generator's share) and changes the
     * status or the capital of {@code updates} distinct existing rows, all in one transaction, setting
     * {@code GXSJ} of each to one change time that is now or, if the table already holds a later one, just after
     * it. A row whose status is its defect only ever gets a new capital and vice versa, so no update turns a valid
     * row invalid or an invalid one valid.
     */
    public synchronized TrickleResult trickle(int inserts, int updates) {
        if (inserts < 0 || updates < 0) {
            throw new IllegalArgumentException("inserts and updates must not be negative, were "
                    + inserts + " and " + updates);
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                HighWater high = highWater(connection);
                Instant changeTime = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                if (high.maxChange() != null && !changeTime.isAfter(high.maxChange())) {
                    changeTime = high.maxChange().truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
                }
                Timestamp at = Timestamp.from(changeTime);
                List<TrickleResult.Update> updated = update(connection, pickIds(high.maxId(), updates), at);
                List<EnterpriseRow> inserted = insert(connection, high.maxId() + 1, inserts, at);
                connection.commit();
                return new TrickleResult(inserted, updated, changeTime);
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw failure("trickle into " + TABLE, e);
        }
    }

    /** Number of rows in the table. */
    public long count() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(COUNT)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw failure("count " + TABLE, e);
        }
    }

    /**
     * The credit codes of every row in the table that the hub should deliver: what the lake must hold after the
     * hub has pulled everything. Reads the whole key column, so it is meant for tests at demo sizes.
     */
    public Set<String> expectedValidUsccs() {
        Set<String> keys = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setFetchSize(BATCH_SIZE);
            try (ResultSet rs = statement.executeQuery(SELECT_KEYS)) {
                while (rs.next()) {
                    if (generator.row(rs.getLong(1)).expectedValid()) {
                        keys.add(rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read keys of " + TABLE, e);
        }
        return keys;
    }

    private List<EnterpriseRow> insert(Connection connection, long firstId, int count, Timestamp at)
            throws SQLException {
        List<EnterpriseRow> rows = new ArrayList<>(count);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < count; i++) {
                EnterpriseRow row = generator.row(firstId + i);
                bind(insert, row, at);
                insert.addBatch();
                rows.add(row);
                if ((i + 1) % BATCH_SIZE == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return rows;
    }

    private List<TrickleResult.Update> update(Connection connection, Set<Long> ids, Timestamp at)
            throws SQLException {
        List<TrickleResult.Update> updated = new ArrayList<>(ids.size());
        try (PreparedStatement select = connection.prepareStatement(SELECT_CHANGEABLE);
             PreparedStatement status = connection.prepareStatement(UPDATE_STATUS);
             PreparedStatement capital = connection.prepareStatement(UPDATE_CAPITAL)) {
            for (long id : ids) {
                select.setLong(1, id);
                String currentStatus;
                String currentCapital;
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        continue;
                    }
                    currentStatus = rs.getString(1);
                    currentCapital = rs.getString(2);
                }
                RowKind kind = generator.row(id).kind();
                boolean changeStatus = kind != RowKind.STATUS_UNKNOWN
                        && (kind == RowKind.CAPITAL_NEGATIVE || random.nextBoolean());
                PreparedStatement statement = changeStatus ? status : capital;
                statement.setString(1, changeStatus ? newStatus(currentStatus) : newCapital(currentCapital));
                statement.setTimestamp(2, at);
                statement.setLong(3, id);
                statement.executeUpdate();
                updated.add(new TrickleResult.Update(id, changeStatus ? "DJZT" : "ZCZB"));
            }
        }
        return updated;
    }

    private Set<Long> pickIds(long maxId, int wanted) {
        Set<Long> ids = new LinkedHashSet<>();
        long target = Math.min(wanted, maxId);
        while (ids.size() < target) {
            ids.add(1 + random.nextLong(maxId));
        }
        return ids;
    }

    private String newStatus(String current) {
        String next;
        do {
            next = EnterpriseGenerator.statusCode(random.nextInt(4));
        } while (next.equals(current));
        return next;
    }

    private String newCapital(String current) {
        String next;
        do {
            next = generator.capitalUpdate(random);
        } while (next.equals(current));
        return next;
    }

    private static void bind(PreparedStatement insert, EnterpriseRow row, Timestamp changeTime) throws SQLException {
        insert.setLong(1, row.id());
        setText(insert, 2, row.tyshxydm());
        setText(insert, 3, row.qymc());
        setText(insert, 4, row.fddbr());
        setText(insert, 5, row.zczb());
        setText(insert, 6, row.clrq());
        setText(insert, 7, row.xzqh());
        setText(insert, 8, row.djzt());
        insert.setTimestamp(9, changeTime);
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private static HighWater highWater(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(HIGH_WATER)) {
            rs.next();
            Timestamp maxChange = rs.getTimestamp(2);
            return new HighWater(rs.getLong(1), maxChange == null ? null : maxChange.toInstant());
        }
    }

    /**
     * Wraps a JDBC failure without its message: drivers (H2 among them) put the offending row's values into
     * constraint messages, and those are personal data. The cause stays attached for debugging.
     */
    private static IllegalStateException failure(String action, SQLException e) {
        return new IllegalStateException("Could not " + action + ": " + e.getClass().getSimpleName()
                + " (SQLState " + e.getSQLState() + ", error " + e.getErrorCode() + ")", e);
    }

    private record HighWater(long maxId, Instant maxChange) {
    }
}
