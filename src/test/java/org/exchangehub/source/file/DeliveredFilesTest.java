package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.exchangehub.state.JdbcStateStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hub's delivered files as Camel's idempotent repository (non-eager): a listing (name, size, last-modified)
 * is remembered only for content the state store holds as delivered, and anything else about a file makes it a
 * file to download and hash again.
 */
class DeliveredFilesTest {

    private static final String FEED = "public-security.households";
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private JdbcStateStore store;
    private DeliveredFiles files;

    @BeforeEach
    void store() {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:delivered-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(db).locations("classpath:db/state").load().migrate();
        store = new JdbcStateStore(db);
        files = new DeliveredFiles(store, FEED);
    }

    @Test
    void aFileWhoseDeliveryWasNotConfirmedIsNotRememberedEvenWhenCamelAddsIt() {
        files.hashed("HJRK_1.csv/120/1700000000000", SHA);

        assertThat(files.add("HJRK_1.csv/120/1700000000000")).isFalse();
        assertThat(files.contains("HJRK_1.csv/120/1700000000000")).isFalse();
    }

    @Test
    void aFileIsRememberedByItsListingOnceItsLastBatchWasCommittedAndCamelAddsIt() {
        store.markFileProcessed(FEED, "run-1", "HJRK_1.csv", 120, SHA); // the last batch's transaction
        assertThat(files.contains("HJRK_1.csv/120/1700000000000")).isFalse();

        files.hashed("HJRK_1.csv/120/1700000000000", SHA);

        assertThat(files.add("HJRK_1.csv/120/1700000000000")).isTrue();
        assertThat(files.contains("HJRK_1.csv/120/1700000000000")).isTrue();
    }

    /** HJRK_1.csv, 120 bytes, delivered and committed, then added by Camel under its listing. */
    private void deliveredAndAdded() {
        store.markFileProcessed(FEED, "run-1", "HJRK_1.csv", 120, SHA);
        files.hashed("HJRK_1.csv/120/1700000000000", SHA);
        files.add("HJRK_1.csv/120/1700000000000");
    }

    @Test
    void theSameNameWithAnotherSizeOrTimeIsANewVersion() {
        deliveredAndAdded();

        assertThat(files.contains("HJRK_1.csv/121/1700000000000")).isFalse();
        assertThat(files.contains("HJRK_1.csv/120/1700000060000")).isFalse();
    }

    @Test
    void anotherFeedsDeliveryIsNotThisFeeds() {
        deliveredAndAdded();

        assertThat(new DeliveredFiles(store, "health.births").contains("HJRK_1.csv/120/1700000000000")).isFalse();
    }

    @Test
    void aFailedExchangeLeavesNothingToAdd() {
        store.markFileProcessed(FEED, "run-1", "HJRK_1.csv", 120, SHA);
        files.hashed("HJRK_1.csv/120/1700000000000", SHA);

        files.remove("HJRK_1.csv/120/1700000000000");

        assertThat(files.add("HJRK_1.csv/120/1700000000000")).isFalse();
        assertThat(files.contains("HJRK_1.csv/120/1700000000000")).isFalse();
    }
}
