package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchangehub.source.file.Persons.CHEN;
import static org.exchangehub.source.file.Persons.HEADER;
import static org.exchangehub.source.file.Persons.LIN;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.camel.Exchange;
import org.exchangehub.feed.Batch;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/**
 * Open rejects are settled against each batch on the thread that mapped it, in batch order: a reject resolves when a
 * later batch delivers its key, even while the batch that quarantined it is still being written; a dry run resolves
 * nothing.
 */
class OpenRejectsResolvedTest extends LocalDropHubTest {

    private static final String CHEN_NO_NAME = CHEN + ",,男,,350102,,\n";
    private static final String CHEN_CORRECTED = CHEN + ",陈志明,男,,350102,,\n";

    @Test
    void aRejectThatTheNextBatchDeliversIsResolvedThoughThatBatchIsMappedBeforeTheRejectIsCommitted() throws Exception {
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN_NO_NAME + CHEN_CORRECTED, Persons.GBK);
        CountDownLatch correctionMapped = new CountDownLatch(1);
        hub.start(uri(), exchange -> {
            if (index(exchange) == 1) {
                correctionMapped.countDown();
            }
        }, exchange -> {
            // batch 0 (the reject) is written, and so committed, only after batch 1 (the correction) was mapped
            if (index(exchange) == 0) {
                assertThat(correctionMapped.await(30, TimeUnit.SECONDS)).as("batch 1 mapped while 0 is written")
                        .isTrue();
            }
        });

        RunRecord run = hub.run();

        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(run.rowsDelivered()).isEqualTo(1);
        List<Map<String, Object>> quarantine = hub.quarantine();
        assertThat(quarantine).hasSize(1);
        assertThat(quarantine.get(0)).containsEntry("SOURCE_KEY", CHEN).containsEntry("RESOLVED_BY_RUN", run.runId());
    }

    @Test
    void aRejectDeliveredBeforeTheBatchThatQuarantinesItStaysOpen() throws Exception {
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN_CORRECTED + LIN + ",林秀英,女,,350203,,\n" + CHEN_NO_NAME,
                Persons.GBK);
        hub.start(uri());

        RunRecord run = hub.run();

        assertThat(run.rowsDelivered()).isEqualTo(2);
        assertThat(hub.quarantine()).singleElement().satisfies(q -> {
            assertThat(q).containsEntry("SOURCE_KEY", CHEN);
            assertThat(q.get("RESOLVED_BY_RUN")).isNull();
        });
    }

    @Test
    void aDryRunResolvesNothingAndTheRunThatDeliversTheCorrectionDoes() throws Exception {
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN_NO_NAME, Persons.GBK);
        hub.start(uri());
        RunRecord rejected = hub.run();
        assertThat(rejected.rowsRejected()).isEqualTo(1);
        Persons.drop(drop, "b.csv", HEADER + "\n" + CHEN_CORRECTED, Persons.GBK);

        assertThat(hub.consumer().dryRun(10).records()).hasSize(1);
        assertThat(hub.quarantine().get(0).get("RESOLVED_BY_RUN")).as("after the dry run").isNull();
        RunRecord corrected = hub.run();

        assertThat(corrected.rowsDelivered()).isEqualTo(1);
        assertThat(hub.quarantine()).singleElement()
                .satisfies(q -> assertThat(q).containsEntry("RESOLVED_BY_RUN", corrected.runId()));
    }

    private String uri() {
        return "file-drop:file?directory=" + drop + "&format=csv&charset=GBK&batchSize=1&sourceKey=GMSFHM";
    }

    private static int index(Exchange exchange) {
        Integer known = exchange.getProperty("batchIndex", Integer.class);
        if (known != null) {
            return known;
        }
        int index = exchange.getIn().getBody(Batch.class).index();
        exchange.setProperty("batchIndex", index);
        return index;
    }
}
