package org.exchangehub.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Table and column names from configuration are matched case-insensitively against the database and quoted. */
class TableQueryTest {

    private Connection connection;

    @BeforeEach
    void createTables() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:table-query-" + UUID.randomUUID());
        connection = ds.getConnection();
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE T_QYDJ (ID BIGINT PRIMARY KEY, QYMC VARCHAR(100), \"camelCase\" VARCHAR(10),"
                    + " GXSJ TIMESTAMP)");
            st.execute("CREATE TABLE TXQYDJ (ID BIGINT PRIMARY KEY)");
            st.execute("CREATE SCHEMA REG");
            st.execute("CREATE TABLE REG.DUP (ID BIGINT, GXSJ TIMESTAMP)");
            st.execute("CREATE TABLE PUBLIC.DUP (ID BIGINT, GXSJ TIMESTAMP)");
            st.execute("CREATE TABLE REG.\"MixedCase\" (\"Id\" BIGINT)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void namesAreMatchedIgnoringCaseAndQuotedAsTheDatabaseSpellsThem() throws SQLException {
        TableQuery q = TableQuery.resolve(connection, "t_qydj", List.of("qymc", "CAMELCASE"), "id", "gxsj");

        assertThat(q.columns()).containsExactly("QYMC", "camelCase", "ID", "GXSJ");
        assertThat(q.selectAll()).isEqualTo("SELECT \"QYMC\", \"camelCase\", \"ID\", \"GXSJ\" FROM \"PUBLIC\".\"T_QYDJ\""
                + " ORDER BY \"GXSJ\", \"ID\"");
        assertThat(q.selectSince()).endsWith("WHERE \"GXSJ\" >= ? ORDER BY \"GXSJ\", \"ID\"");
        assertThat(q.keyIndex()).isEqualTo(2);
        assertThat(q.changeIndex()).isEqualTo(3);
    }

    @Test
    void aQuoteInsideANameTheDatabaseReportsIsDoubledAndTheStatementRuns() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE \"ODD\"\"NAME\" (ID BIGINT PRIMARY KEY, \"A\"\"B\" VARCHAR(10))");
            st.execute("INSERT INTO \"ODD\"\"NAME\" VALUES (1, 'x')");
        }
        TableQuery q = TableQuery.resolve(connection, "ODD\"NAME", List.of("A\"B"), "ID", null);

        assertThat(q.selectAll()).isEqualTo("SELECT \"A\"\"B\", \"ID\" FROM \"PUBLIC\".\"ODD\"\"NAME\" ORDER BY \"ID\"");
        try (Statement st = connection.createStatement(); var rs = st.executeQuery(q.countAll())) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void everyColumnIsReadWhenNoneAreNamed() throws SQLException {
        TableQuery q = TableQuery.resolve(connection, "T_QYDJ", List.of(), "ID", "GXSJ");

        assertThat(q.columns()).containsExactly("ID", "QYMC", "camelCase", "GXSJ");
    }

    @Test
    void anUnderscoreInTheNameIsNotAWildcard() throws SQLException {
        TableQuery q = TableQuery.resolve(connection, "TXQYDJ", List.of(), "ID", null);

        assertThat(q.columns()).containsExactly("ID");
        assertThat(q.selectAll()).isEqualTo("SELECT \"ID\" FROM \"PUBLIC\".\"TXQYDJ\" ORDER BY \"ID\"");
    }

    @Test
    void aFullLoadHasNoIncrementalQuery() throws SQLException {
        TableQuery q = TableQuery.resolve(connection, "T_QYDJ", List.of("QYMC"), "ID", null);

        assertThat(q.selectAll()).endsWith("ORDER BY \"ID\"");
        assertThat(q.selectSince()).isNull();
        assertThat(q.changeIndex()).isEqualTo(-1);
    }

    @Test
    void aMixedCaseTableInAnotherSchemaIsFoundWhenQualified() throws SQLException {
        TableQuery q = TableQuery.resolve(connection, "reg.mixedcase", List.of(), "ID", null);

        assertThat(q.selectAll()).isEqualTo("SELECT \"Id\" FROM \"REG\".\"MixedCase\" ORDER BY \"Id\"");
    }

    @Test
    void aTableInTwoSchemasMustBeQualified() throws SQLException {
        Throwable failure = catchThrowable(() -> TableQuery.resolve(connection, "DUP", List.of(), "ID", null));

        assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("'DUP' matches more than one table")
                .hasMessageContaining("SCHEMA.TABLE");
        assertThat(TableQuery.resolve(connection, "reg.dup", List.of(), "ID", "GXSJ").selectAll())
                .contains("FROM \"REG\".\"DUP\"");
    }

    @Test
    void anUnknownTableIsReported() {
        Throwable failure = catchThrowable(() -> TableQuery.resolve(connection, "T_NOPE", List.of(), "ID", null));

        assertThat(failure).isInstanceOf(SQLException.class).hasMessageContaining("Table 'T_NOPE' not found")
                .hasMessageContaining("table option");
    }

    @Test
    void anUnknownColumnIsReportedNamingTheOptionAndTheColumnsThereAre() {
        Throwable failure = catchThrowable(() -> TableQuery.resolve(connection, "T_QYDJ", List.of(), "ID", "UPDATED"));

        assertThat(failure).isInstanceOf(SQLException.class)
                .hasMessageContaining("Column 'UPDATED' (option changeColumn) not found in table 'T_QYDJ'")
                .hasMessageContaining("[ID, QYMC, camelCase, GXSJ]");
    }

    @Test
    void anUnknownSelectedColumnIsReportedNamingTheColumnsOption() {
        Throwable failure = catchThrowable(() -> TableQuery.resolve(connection, "T_QYDJ", List.of("QYMC", "FDDBR"),
                "ID", null));

        assertThat(failure).hasMessageContaining("Column 'FDDBR' (option columns)");
    }
}
