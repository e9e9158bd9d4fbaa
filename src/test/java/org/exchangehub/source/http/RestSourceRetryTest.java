package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/** Transient failures are retried with back-off, within bounds; tiny delays keep the tests fast. */
class RestSourceRetryTest extends StubServerFeedTest {

    private static final String PATH = "/api/persons";
    private static final String FAST_RETRIES = "&maxRetries=3&retryInitialDelay=1ms&retryMaxDelay=5ms&retryMaxElapsed=5s";

    RestSourceRetryTest() throws Exception {
        super(StubServer.http());
    }

    private void feed(String options) throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=3&recordsPath=data.items"
                + "&totalPath=data.total" + FAST_RETRIES + options);
    }

    private static int page(StubServer.Request r) {
        return Integer.parseInt(r.param("page"));
    }

    @Test
    void aTransient500IsRetriedWithNoRecordLostOrDoubled() throws Exception {
        AtomicInteger page2 = new AtomicInteger();
        server.on(PATH, r -> page(r) == 2 && page2.incrementAndGet() == 1 ? StubServer.Response.status(500)
                : People.page(8, page(r), 3, true));
        feed("");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 8));
        assertThat(run.rowsRead()).isEqualTo(8);
        assertThat(server.requests).extracting(r -> r.param("page")).containsExactly("1", "2", "2", "3");
    }

    @Test
    void a429IsRetriedAfterTheServersRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server.on(PATH, r -> calls.incrementAndGet() == 1
                ? StubServer.Response.status(429).header("Retry-After", "0") : People.page(2, page(r), 3, true));
        feed("");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 2));
    }

    @Test
    void aRetryAfterBeyondTheRetryBudgetFailsAtOnce() throws Exception {
        server.on(PATH, r -> StubServer.Response.status(503).header("Retry-After", "120"));
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?maxRetries=3&retryInitialDelay=1ms"
                + "&retryMaxElapsed=1s");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("HTTP 503").contains("would end beyond retryMaxElapsed");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void retriesAreBoundedInCount() throws Exception {
        server.on(PATH, r -> StubServer.Response.status(502));
        feed("");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("HTTP 502").contains("after 3 retries");
        assertThat(server.requests).hasSize(4);
        assertThat(feed.watermark()).isNull();
    }

    @Test
    void aResponseSlowerThanTheReadTimeoutIsRetried() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        server.on(PATH, r -> {
            if (calls.incrementAndGet() == 1) {
                release.await(10, TimeUnit.SECONDS); // held until the client gave up on it
            }
            return People.page(3, page(r), 3, true);
        });
        feed("&readTimeout=300ms");

        var run = feed.run();
        release.countDown();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 3));
        assertThat(calls).hasValue(2);
    }

    @Test
    void aClientErrorIsNotRetried() throws Exception {
        server.on(PATH, r -> StubServer.Response.status(404));
        feed("");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("answered HTTP 404");
        assertThat(server.requests).hasSize(1);
    }

    @Test
    void aRefusedConnectionIsRetriedThenFailsTheRun() throws Exception {
        String url = server.url(PATH);
        server.close(); // nothing listens on the port any more
        feed = new FeedHarness("rest-source:" + url + "?connectTimeout=500ms&maxRetries=2&retryInitialDelay=1ms"
                + "&retryMaxDelay=2ms");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("connection failed").contains("after 2 retries");
    }
}
