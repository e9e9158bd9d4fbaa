package org.exchangehub.sink.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exchangehub.delivery.DeliveryTestData.LEGAL_ENTITY;
import static org.exchangehub.delivery.DeliveryTestData.SOCIAL_INSURANCE;
import static org.exchangehub.delivery.DeliveryTestData.batch;
import static org.exchangehub.delivery.DeliveryTestData.legalEntities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.config.ConfigException;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.FeedProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code warehouse:} sink on H2 (its own dialect, and MySQL's upsert in H2's MySQL mode). */
class WarehouseComponentTest {

    private CamelContext camel;
    private JdbcTemplate h2;
    private JdbcTemplate mysql;

    @BeforeEach
    void start() {
        camel = new DefaultCamelContext();
        camel.getRegistry().bind("h2", dataSource("jdbc:h2:mem:wh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        camel.getRegistry().bind("mysql", dataSource("jdbc:h2:mem:wh-" + UUID.randomUUID()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
        h2 = new JdbcTemplate(camel.getRegistry().lookupByNameAndType("h2", JdbcDataSource.class));
        mysql = new JdbcTemplate(camel.getRegistry().lookupByNameAndType("mysql", JdbcDataSource.class));
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    private static JdbcDataSource dataSource(String url) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        return ds;
    }

    private Exchange send(String uri, Batch batch) {
        return camel.createProducerTemplate().send(uri, e -> e.getIn().setBody(batch));
    }

    @Test
    void tableIsCreatedFromTheCatalogueWithItsTypesLineageAndPrimaryKey() {
        send("warehouse:w?dataSource=#h2", batch(LEGAL_ENTITY, "r1", 0, legalEntities()));

        List<Map<String, Object>> columns = h2.queryForList("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH,"
                + " NUMERIC_PRECISION, NUMERIC_SCALE, IS_NULLABLE FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = 'legal_entity' ORDER BY ORDINAL_POSITION");
        assertThat(columns).extracting(c -> c.get("COLUMN_NAME")).containsExactly("uscc", "name", "legal_rep_name",
                "registered_capital_cny", "established_date", "division_code", "status_code",
                "_dataset", "_source", "_source_key", "_run_id", "_extracted_at", "_record_hash");
        assertThat(columns.get(0)).containsEntry("DATA_TYPE", "CHARACTER VARYING")
                .containsEntry("CHARACTER_MAXIMUM_LENGTH", 18L).containsEntry("IS_NULLABLE", "NO");
        assertThat(columns.get(3)).containsEntry("DATA_TYPE", "NUMERIC").containsEntry("NUMERIC_PRECISION", 20)
                .containsEntry("NUMERIC_SCALE", 2).containsEntry("IS_NULLABLE", "YES");
        assertThat(columns.get(4)).containsEntry("DATA_TYPE", "DATE");
        assertThat(h2.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                + " WHERE TABLE_NAME = 'legal_entity'", String.class)).containsExactly("uscc");
    }

    @Test
    void valuesAndLineageAreStoredTyped() {
        send("warehouse:w?dataSource=#h2", batch(LEGAL_ENTITY, "r1", 0, legalEntities()));

        Map<String, Object> row = h2.queryForMap("SELECT * FROM \"legal_entity\" WHERE \"uscc\" = ?",
                "91350100MA34C8GT1C");
        assertThat((BigDecimal) row.get("registered_capital_cny")).isEqualByComparingTo("123456789012345678.99");
        assertThat(((java.sql.Date) row.get("established_date")).toLocalDate()).isEqualTo(LocalDate.of(1998, 12, 31));
        assertThat(row).containsEntry("division_code", null).containsEntry("_dataset", "legal_entity")
                .containsEntry("_source", "market-regulation").containsEntry("_source_key", "src-91350100MA34C8GT1C")
                .containsEntry("_run_id", "r1");
        assertThat(row.get("_record_hash").toString()).hasSize(64);
    }

    @Test
    void redeliveryAndUpdatesLeaveOneRowPerKeyWithTheLatestVersion() {
        send("warehouse:w?dataSource=#h2", batch(LEGAL_ENTITY, "r1", 0, legalEntities()));
        Object[][] updated = legalEntities();
        updated[1][6] = "2";
        send("warehouse:w?dataSource=#h2", batch(LEGAL_ENTITY, "r2", 0, updated));

        assertThat(h2.queryForObject("SELECT COUNT(*) FROM \"legal_entity\"", Integer.class)).isEqualTo(3);
        assertThat(h2.queryForObject("SELECT \"status_code\" FROM \"legal_entity\" WHERE \"uscc\" = ?", String.class,
                "91350200MA2XN5YP8K")).isEqualTo("2");
    }

    @Test
    void mysqlDialectUpsertsWithOnDuplicateKeyUpdate() {
        String uri = "warehouse:w?dataSource=#mysql&dialect=mysql";
        send(uri, batch(LEGAL_ENTITY, "r1", 0, legalEntities()));
        Object[][] updated = legalEntities();
        updated[0][1] = "福州市鼓楼区榕城茶业有限公司";
        Exchange second = send(uri, batch(LEGAL_ENTITY, "r2", 0, updated));

        assertThat(second.getException()).isNull();
        assertThat(mysql.queryForObject("SELECT COUNT(*) FROM legal_entity", Integer.class)).isEqualTo(3);
        assertThat(mysql.queryForObject("SELECT name FROM legal_entity WHERE uscc = ?", String.class,
                "91350100M000100Y43")).isEqualTo("福州市鼓楼区榕城茶业有限公司");
        assertThat(mysql.queryForObject("SELECT _run_id FROM legal_entity WHERE uscc = ?", String.class,
                "91350100M000100Y43")).isEqualTo("r2");
    }

    @Test
    void columnsTheCatalogueGainedAreAddedToAnExistingTable() {
        h2.execute("CREATE TABLE \"legal_entity\" (\"uscc\" VARCHAR(18) NOT NULL PRIMARY KEY,"
                + " \"name\" CHARACTER VARYING NOT NULL)");
        h2.update("INSERT INTO \"legal_entity\" VALUES ('91350100M000100Y43', 'old')");

        Exchange exchange = send("warehouse:w?dataSource=#h2", batch(LEGAL_ENTITY, "r1", 0, legalEntities()));

        assertThat(exchange.getException()).isNull();
        assertThat(h2.queryForObject("SELECT COUNT(*) FROM \"legal_entity\" WHERE \"status_code\" IS NOT NULL",
                Integer.class)).isEqualTo(3);
    }

    @Test
    void aBusinessKeyWithAnOptionalFieldIsKeyedByTheJoinedBusinessKey() {
        Object[][] enrolments = {
            {"350102199003071234", "110", null, LocalDate.of(2020, 1, 1), "1", new BigDecimal("4500.00")},
            {"350102199003071234", "110", "91350100M000100Y43", LocalDate.of(2021, 1, 1), "1", null},
        };
        send("warehouse:w?dataSource=#h2", batch(SOCIAL_INSURANCE, "r1", 0, enrolments));
        send("warehouse:w?dataSource=#h2", batch(SOCIAL_INSURANCE, "r2", 0, enrolments));

        assertThat(h2.queryForList("SELECT \"_business_key\" FROM \"social_insurance\" ORDER BY 1", String.class))
                .containsExactly("350102199003071234|110|", "350102199003071234|110|91350100M000100Y43");
        assertThat(h2.queryForList("SELECT COLUMN_NAME FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE"
                + " WHERE TABLE_NAME = 'social_insurance'", String.class)).containsExactly("_business_key");
    }

    @Test
    void tableNameTemplateAndSchemaNameTheTable() {
        h2.execute("CREATE SCHEMA \"ods\"");

        send("warehouse:w?dataSource=#h2&schema=ods&table=t_{dataset}", batch(LEGAL_ENTITY, "r1", 0, legalEntities()));

        assertThat(h2.queryForObject("SELECT COUNT(*) FROM \"ods\".\"t_legal_entity\"", Integer.class)).isEqualTo(3);
    }

    @Test
    void receiptNamesTheTableAndRows() {
        Exchange exchange = send("warehouse:w?dataSource=#h2", batch(LEGAL_ENTITY, "r1", 0, legalEntities()));

        assertThat(exchange.getProperty(FeedProperties.RECEIPTS, List.class))
                .containsExactly(new WarehouseDelivery("warehouse", "legal_entity", 3));
    }

    @Test
    void aFailedWriteFailsTheExchangeWithoutRowValuesInTheMessage() {
        h2.execute("CREATE TABLE \"legal_entity\" (\"uscc\" VARCHAR(18) NOT NULL PRIMARY KEY,"
                + " \"name\" VARCHAR(3) NOT NULL)");

        Exchange exchange = send("warehouse:w?dataSource=#h2", batch(LEGAL_ENTITY, "r1", 0, legalEntities()));

        assertThat(exchange.getException()).isInstanceOf(WarehouseException.class)
                .hasMessageContaining("SQLState").hasMessageNotContaining("榕城").hasNoCause();
        assertThat(h2.queryForObject("SELECT COUNT(*) FROM \"legal_entity\"", Integer.class)).isZero();
    }

    @Test
    void tableNameThatIsNotAPlainIdentifierFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("warehouse:w?dataSource=#h2&table=x;DROP"))
                .rootCause().isInstanceOf(ConfigException.class).hasMessageContaining("not a plain table name");
    }

    @Test
    void unknownDialectFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("warehouse:w?dataSource=#h2&dialect=oracle"))
                .rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("dialect = 'oracle': unknown SQL dialect");
    }

    @Test
    void missingDataSourceFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("warehouse:w"))
                .rootCause().isInstanceOf(ConfigException.class).hasMessageContaining("hub.warehouse.url");
    }
}
