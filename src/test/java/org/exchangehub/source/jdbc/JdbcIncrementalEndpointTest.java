package org.exchangehub.source.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.JdbcStateStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every impossible option of a {@code jdbc-incremental} endpoint fails when the endpoint is created, naming the option. */
class JdbcIncrementalEndpointTest {

    private static final String GOOD = "jdbc-incremental:T_QYDJ?dataSource=#src&keyColumn=ID&changeColumn=GXSJ";

    private static CamelContext context;

    @BeforeAll
    static void startCamel() {
        context = new DefaultCamelContext();
        JdbcDataSource src = new JdbcDataSource();
        src.setURL("jdbc:h2:mem:endpoint-options");
        context.getRegistry().bind("src", src);
        context.start();
    }

    @AfterAll
    static void stopCamel() throws Exception {
        context.close();
    }

    @Test
    void goodOptionsMakeAnEndpointWithDurationsInMilliseconds() {
        JdbcIncrementalEndpoint endpoint = context.getEndpoint(GOOD + "&delay=15m&initialDelay=PT2S&lookBack=30s"
                + "&columns=ID,%20QYMC&batchSize=10", JdbcIncrementalEndpoint.class);

        assertThat(endpoint.getTable()).isEqualTo("T_QYDJ");
        assertThat(endpoint.getDelay()).isEqualTo(15 * 60_000L);
        assertThat(endpoint.getInitialDelay()).isEqualTo(2_000L);
        assertThat(endpoint.lookBackDuration()).hasSeconds(30);
        assertThat(endpoint.columnList()).containsExactly("ID", "QYMC");
        assertThat(endpoint.isIncremental()).isTrue();
    }

    @Test
    void theDefaultsAreAMinuteBetweenRunsAndFiveMinutesLookBack() throws Exception {
        JdbcIncrementalEndpoint endpoint = context.getEndpoint(GOOD, JdbcIncrementalEndpoint.class);
        context.getRegistry().bind("state", new JdbcStateStore(context.getRegistry().lookupByNameAndType("src",
                DataSource.class)));
        context.getRegistry().bind("feeds", new FeedRegistry());

        ScheduledPollConsumer consumer = (ScheduledPollConsumer) endpoint.createConsumer(exchange -> { });

        assertThat(consumer.getDelay()).isEqualTo(60_000L);
        assertThat(endpoint.lookBackDuration()).hasMinutes(5);
        assertThat(endpoint.getBatchSize()).isEqualTo(20000);
        assertThat(endpoint.getFetchSize()).isEqualTo(1000);
    }

    @Test
    void durationsAcceptUnitsIsoAndMilliseconds() {
        JdbcIncrementalEndpoint endpoint = context.getEndpoint(GOOD + "&delay=1h30m&initialDelay=250&lookBack=PT5M",
                JdbcIncrementalEndpoint.class);

        assertThat(endpoint.getDelay()).isEqualTo(90 * 60_000L);
        assertThat(endpoint.getInitialDelay()).isEqualTo(250L);
        assertThat(endpoint.lookBackDuration()).hasMinutes(5);
    }

    @Test
    void aZeroLookBackIsAllowed() {
        assertThat(context.getEndpoint(GOOD + "&lookBack=0s", JdbcIncrementalEndpoint.class).lookBackDuration())
                .isZero();
    }

    @Test
    void aMissingDataSourceIsRefused() {
        assertRefused("jdbc-incremental:T_QYDJ?keyColumn=ID", "option dataSource is required");
    }

    @Test
    void aMissingKeyColumnIsRefused() {
        assertRefused("jdbc-incremental:T_QYDJ?dataSource=#src", "option keyColumn = 'null'");
    }

    @Test
    void aTableThatIsNotAnIdentifierIsRefused() {
        assertRefused("jdbc-incremental:T_QYDJ%3BDROP?dataSource=#src&keyColumn=ID", "option table = 'T_QYDJ;DROP'");
    }

    @Test
    void aKeyColumnWithSqlInItIsRefused() {
        assertRefused(GOOD.replace("keyColumn=ID", "keyColumn=ID%3B%20DROP%20TABLE%20x"),
                "option keyColumn = 'ID; DROP TABLE x' is not a plain SQL identifier");
    }

    @Test
    void aChangeColumnWithSqlInItIsRefused() {
        assertRefused(GOOD.replace("changeColumn=GXSJ", "changeColumn=GXSJ%20OR%201%3D1"),
                "option changeColumn = 'GXSJ OR 1=1' is not a plain SQL identifier");
    }

    @Test
    void aColumnWithSqlInItIsRefused() {
        assertRefused(GOOD + "&columns=ID,QYMC)%20FROM%20x--", "option columns = 'QYMC) FROM x--'");
    }

    @Test
    void aZeroBatchSizeIsRefused() {
        assertRefused(GOOD + "&batchSize=0", "option batchSize must be positive, was 0");
    }

    @Test
    void aNegativeFetchSizeIsRefused() {
        assertRefused(GOOD + "&fetchSize=-1", "option fetchSize must be positive, was -1");
    }

    @Test
    void aNegativeRowLimitIsRefused() {
        assertRefused(GOOD + "&maxRowsPerRun=-5", "option maxRowsPerRun must be 0 (no limit) or positive, was -5");
    }

    @Test
    void aLookBackThatIsNotADurationIsRefused() {
        assertRefused(GOOD + "&lookBack=five", "option lookBack = 'five' is not a duration");
    }

    @Test
    void aNegativeLookBackIsRefused() {
        assertRefused(GOOD + "&lookBack=-5m", "option lookBack = '-5m'");
    }

    @Test
    void anIsoLookBackThatIsNotADurationIsRefused() {
        assertRefused(GOOD + "&lookBack=P5M", "option lookBack = 'P5M' is not a duration");
    }

    @Test
    void aDelayThatIsNotADurationIsRefused() {
        assertRefused(GOOD + "&delay=soon", "option delay = 'soon' is not a duration");
    }

    @Test
    void anInitialDelayThatIsNotADurationIsRefused() {
        assertRefused(GOOD + "&initialDelay=1x", "option initialDelay = '1x' is not a duration");
    }

    @Test
    void theSourceCannotBeUsedAsAProducer() {
        JdbcIncrementalEndpoint endpoint = context.getEndpoint(GOOD, JdbcIncrementalEndpoint.class);

        assertThat(catchThrowable(endpoint::createProducer)).hasMessageContaining("source only");
    }

    @Test
    void aSplitColumnWithChunksMakesASplitEndpointReadingTwoRangesAtATimeByDefault() {
        JdbcIncrementalEndpoint endpoint = context.getEndpoint(GOOD + "&splitColumn=ID&splitChunks=4",
                JdbcIncrementalEndpoint.class);

        assertThat(endpoint.isSplit()).isTrue();
        assertThat(endpoint.getSplitChunks()).isEqualTo(4);
        assertThat(endpoint.getSplitThreads()).isEqualTo(2);
    }

    @Test
    void withoutSplitOptionsTheEndpointDoesNotSplit() {
        assertThat(context.getEndpoint(GOOD, JdbcIncrementalEndpoint.class).isSplit()).isFalse();
    }

    @Test
    void aSplitColumnWithoutChunksIsRefused() {
        assertRefused(GOOD + "&splitColumn=ID", "option splitColumn needs splitChunks");
    }

    @Test
    void chunksWithoutASplitColumnAreRefused() {
        assertRefused(GOOD + "&splitChunks=4", "option splitChunks needs splitColumn");
    }

    @Test
    void negativeChunksAreRefused() {
        assertRefused(GOOD + "&splitColumn=ID&splitChunks=-1", "option splitChunks must be between 0");
    }

    @Test
    void zeroThreadsAreRefused() {
        assertRefused(GOOD + "&splitColumn=ID&splitChunks=4&splitThreads=0", "option splitThreads must be between 1");
    }

    @Test
    void aSplitColumnWithSqlInItIsRefused() {
        assertRefused(GOOD + "&splitColumn=ID%3B%20DROP%20TABLE%20x&splitChunks=4",
                "option splitColumn = 'ID; DROP TABLE x' is not a plain SQL identifier");
    }

    @Test
    void aQualifiedSplitColumnIsRefused() {
        assertRefused(GOOD + "&splitColumn=T_QYDJ.ID&splitChunks=4", "must be a column name of the table");
    }

    private void assertRefused(String uri, String message) {
        Throwable failure = catchThrowable(() -> context.getEndpoint(uri));

        assertThat(failure).isInstanceOf(ResolveEndpointFailedException.class);
        assertThat(failure.getCause()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc-incremental:")
                .hasMessageContaining(message);
    }
}
