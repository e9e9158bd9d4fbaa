package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The incremental parameter: fed from the stored watermark, which moves only after the sinks confirmed. */
class RestSourceIncrementTest {

    private static final String PATH = "/api/persons";
    private final StubServer server;
    private final AtomicInteger total = new AtomicInteger(5);
    private FeedHarness feed;

    RestSourceIncrementTest() throws Exception {
        server = StubServer.http().on(PATH, r -> {
            String since = r.param("updatedSince");
            int first = since == null ? 1 : Integer.parseInt(since.substring(since.length() - 2)); // inclusive
            int page = Integer.parseInt(r.param("page"));
            int from = first + (page - 1) * 2;
            int to = Math.min(total.get(), from + 1);
            return StubServer.Response.json(from > total.get() ? "[]" : People.array(from, to));
        });
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=2&changeField=updatedAt"
                + "&sinceParam=updatedSince&maxRetries=0");
    }

    @AfterEach
    void stop() {
        feed.close();
        server.close();
    }

    @Test
    void theWatermarkIsTheLatestChangeTimeDelivered() {
        feed.run();

        assertThat(feed.watermark()).isEqualTo("2026-03-01T10:00:05/P05");
    }

    @Test
    void theNextRunAsksSinceTheWatermarkAndSkipsWhatItAlreadyDelivered() {
        feed.run();
        feed.batches.clear();
        total.set(8);

        var run = feed.run();

        assertThat(server.requests.get(server.requests.size() - 1).param("updatedSince"))
                .isEqualTo("2026-03-01T10:00:05");
        assertThat(feed.keys()).isEqualTo(People.keys(6, 8));
        assertThat(run.watermarkAfter()).isEqualTo("2026-03-01T10:00:08/P08");
    }

    @Test
    void theFirstRunAsksForEverythingWithoutInitialSince() {
        feed.run();

        assertThat(server.requests.get(0).param("updatedSince")).isNull();
    }

    @Test
    void aBatchTheSinkRefusedLeavesTheWatermarkWhereItWas() {
        feed.sinkFailsOn(b -> b.index() == 2);

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("the test's sink refused batch 2");
        assertThat(feed.watermark()).isNull();
    }

    @Test
    void aRunWithNothingNewKeepsTheWatermark() {
        feed.run();
        feed.batches.clear();

        var run = feed.run();

        assertThat(feed.batches).isEmpty();
        assertThat(run.watermarkAfter()).isEqualTo("2026-03-01T10:00:05/P05");
    }
}
