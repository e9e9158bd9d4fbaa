package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/** A gentle pull: {@code maxRequestsPerSecond} paces the requests a run sends to the service. */
class RestSourceRateLimitTest extends StubServerFeedTest {

    private static final String PATH = "/api/persons";
    private static final int PAGES = 60;
    private static final double RATE = 5.0;

    RestSourceRateLimitTest() throws Exception {
        super(StubServer.http());
    }

    @Test
    void maxRequestsPerSecondHoldsTheRequestsWithinTenPercentOfTheRateOverARunOfTwelveSeconds() throws Exception {
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        server.on(PATH, r -> {
            arrivals.add(System.nanoTime());
            int page = Integer.parseInt(r.param("page"));
            return People.page(PAGES * 2, page, 2, true);
        });
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=2&paging=page"
                + "&recordsPath=data.items&totalPath=data.total&maxRequestsPerSecond=" + RATE);

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(arrivals).hasSize(PAGES);
        long first = arrivals.get(0);
        double seconds = (arrivals.get(PAGES - 1) - first) / 1e9;
        assertThat((PAGES - 1) / seconds).as("requests per second over the run").isBetween(RATE * 0.9, RATE * 1.1);
        for (int i = 0; i < PAGES; i++) { // at no point ahead of the rate by more than 10 %
            double elapsed = (arrivals.get(i) - first) / 1e9;
            assertThat((double) i).as("requests after the first, %.2f s into the run", elapsed)
                    .isLessThanOrEqualTo(1.1 * RATE * elapsed + 1);
        }
    }
}
