package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchangehub.source.file.Persons.CHEN;
import static org.exchangehub.source.file.Persons.HEADER;
import static org.exchangehub.source.file.Persons.HUANG;
import static org.exchangehub.source.file.Persons.LIN;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.exchangehub.feed.Batch;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pipelined run writes batch n to the lake on its write stage while batch n+1 is mapped: batches still reach the
 * lake and commit strictly in order, and after a batch failed in the lake nothing later is written or committed.
 */
class WriteStageTest extends LocalDropHubTest {

    private final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void dropThreeResidentsOneBatchEach() throws Exception {
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN + ",陈志明,男,,350102,,\n" + LIN + ",林秀英,女,,350203,,\n"
                + HUANG + ",黄丽娟,女,,350502,,\n", Persons.GBK);
    }

    @Test
    void batchesAreWrittenAndCommittedInOrderWhileTheNextIsMappedAndTheLakeIsSlower() throws Exception {
        CountDownLatch secondMapped = new CountDownLatch(1);
        hub.start(uri(), exchange -> {
            int index = index(exchange);
            events.add("mapped " + index);
            if (index == 1) {
                secondMapped.countDown();
            }
        }, exchange -> {
            int index = index(exchange);
            // the lake stage of batch 0 lasts until batch 1 was mapped: it cannot end unless the two overlap
            if (index == 0) {
                assertThat(secondMapped.await(30, TimeUnit.SECONDS)).as("batch 1 mapped while 0 is written").isTrue();
            }
            events.add("written " + index + " on " + Thread.currentThread().getName());
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    events.add("completed " + index);
                }
            });
        });

        RunRecord run = hub.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsRead()).isEqualTo(3);
        assertThat(run.rowsDelivered()).isEqualTo(3);
        assertThat(hub.lakeCount()).isEqualTo(3);
        assertThat(events.stream().filter(e -> !e.startsWith("mapped")).toList()).containsExactly(
                "written 0 on feed-" + TestHub.FEED + "-write", "completed 0",
                "written 1 on feed-" + TestHub.FEED + "-write", "completed 1",
                "written 2 on feed-" + TestHub.FEED + "-write", "completed 2",
                "written 3 on feed-" + TestHub.FEED + "-write", "completed 3"); // 3: the end of the file, empty
        assertThat(events.indexOf("mapped 1")).isLessThan(events.indexOf("completed 0"));
        assertThat(hub.run().rowsRead()).as("the file was committed: the next run reads nothing").isZero();
    }

    @Test
    void aLakeFailureOfOneBatchMeansNoLaterBatchIsWrittenOrCommitted() throws Exception {
        hub.start(uri(), exchange -> {
            if (index(exchange) == 1) {
                exchange.getIn().setBody("not a batch"); // the lake cannot write this: batch 1 fails there
            }
        }, exchange -> events.add("written " + index(exchange)));

        RunRecord run = hub.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("batch 1 of run").contains("No body available of type: " + Batch.class.getName());
        assertThat(run.rowsRead()).isEqualTo(2); // the failed batch counts as read, nothing after it
        assertThat(run.rowsDelivered()).isEqualTo(1);
        assertThat(events).containsExactly("written 0");
        assertThat(hub.lakeCount()).isEqualTo(1);

        hub.start(uri()); // fixed: the file was not committed, so the next run delivers it again, whole
        assertThat(hub.run().rowsDelivered()).isEqualTo(3);
    }

    @ParameterizedTest(name = "asyncDelayedRedelivery: {0}")
    @ValueSource(booleans = {false, true})
    void aLakeWriteThatFailsOnceIsRedeliveredInItsTurnAndTheRunSucceeds(boolean asyncDelayed) throws Exception {
        List<String> redelivered = new CopyOnWriteArrayList<>();
        hub.startRedelivering(uri(), exchange -> {
            if (index(exchange) == 1 && !redelivered.contains("1")) {
                exchange.setProperty("batch", exchange.getIn().getBody());
                exchange.getIn().setBody("not a batch"); // the lake's first attempt at batch 1 fails
            }
        }, exchange -> {
            int index = index(exchange);
            events.add("written " + index);
            exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
                @Override
                public void onComplete(Exchange done) {
                    events.add("completed " + index);
                }
            });
        }, exchange -> {
            redelivered.add(String.valueOf(index(exchange)));
            exchange.getIn().setBody(exchange.getProperty("batch")); // the next attempt has the batch again
        }, asyncDelayed);

        RunRecord run = hub.run();

        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(redelivered).containsExactly("1");
        assertThat(run.rowsDelivered()).isEqualTo(3);
        assertThat(hub.lakeCount()).isEqualTo(3);
        assertThat(events).containsExactly("written 0", "completed 0", "written 1", "completed 1", "written 2",
                "completed 2", "written 3", "completed 3");
        assertThat(hub.run().rowsRead()).as("the file was committed: the next run reads nothing").isZero();
    }

    private String uri() {
        return "file-drop:file?directory=" + drop + "&format=csv&charset=GBK&batchSize=1";
    }

    private static int index(Exchange exchange) {
        return exchange.getProperty("batchIndex", Integer.class) != null
                ? exchange.getProperty("batchIndex", Integer.class)
                : remember(exchange);
    }

    private static int remember(Exchange exchange) {
        int index = exchange.getIn().getBody(Batch.class).index();
        exchange.setProperty("batchIndex", index);
        return index;
    }
}
