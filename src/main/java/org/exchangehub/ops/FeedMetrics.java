package org.exchangehub.ops;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.springframework.beans.factory.DisposableBean;

/**
 * Per-feed metrics for the monitoring stack (Prometheus names in brackets): rows read, delivered and rejected
 * ({@code hub_feed_rows_*_total}), rejections by reason ({@code hub_feed_rejections_total}), runs by outcome
 * ({@code hub_feed_runs_total}), run duration ({@code hub_feed_run_duration_seconds}) and watermark lag
 * ({@code hub_feed_lag_seconds}), and whether this instance leads the feed ({@code hub_feed_leader}, 1 or 0, tagged
 * with this instance's id: summed over the instances it is 1 per feed in cluster mode). Counters count this process's runs, exactly as the exchange log records them.
 */
final class FeedMetrics implements FeedRegistry.Listener, DisposableBean {

    private final MeterRegistry meters;
    private final FeedRegistry registry;
    private final StateStore state;

    FeedMetrics(MeterRegistry meters, FeedRegistry registry, StateStore state) {
        this.meters = meters;
        this.registry = registry;
        this.state = state;
        registry.addListener(this);
    }

    @Override
    public void feedStarted(FeedConsumer feed) {
        String id = feed.feedId();
        rows("read", id);
        rows("delivered", id);
        rows("rejected", id);
        Gauge.builder("hub.feed.lag", this, m -> m.lagSeconds(id)).tag("feed", id).baseUnit("seconds")
                .description("Now minus the change time of the feed's watermark").register(meters);
        Gauge.builder("hub.feed.consecutive.failures", registry,
                        r -> r.feed(id).map(f -> (double) f.totals().consecutiveFailures()).orElse(0.0))
                .tag("feed", id).description("Failed runs of the feed since its last successful one").register(meters);
        Gauge.builder("hub.feed.leader", state, s -> FeedPlacement.leads(s, id) ? 1.0 : 0.0).tag("feed", id)
                .tag("instance", state.instanceId() == null ? "" : state.instanceId())
                .description("1 while this instance runs the feed (its leader in cluster mode), else 0")
                .register(meters);
    }

    private double lagSeconds(String feedId) {
        return FeedControl.lag(state, feedId).map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
    }

    private Counter rows(String what, String feedId) {
        return Counter.builder("hub.feed.rows." + what).tag("feed", feedId)
                .description("Rows " + what + " by the feed's runs").register(meters);
    }

    @Override
    public void runFinished(FeedConsumer feed, RunRecord run, Map<ReasonCode, Long> rejectionsByReason) {
        String id = feed.feedId();
        rows("read", id).increment(run.rowsRead());
        rows("delivered", id).increment(run.rowsDelivered());
        rows("rejected", id).increment(run.rowsRejected());
        rows("unchanged", id).increment(run.rowsUnchanged());
        rejectionsByReason.forEach((reason, count) -> Counter.builder("hub.feed.rejections").tag("feed", id)
                .tag("reason", reason.name()).description("Rejected records by reason; a record with several"
                        + " reasons counts under each").register(meters).increment(count));
        if (run.isUnreconciled()) {
            Counter.builder("hub.feed.runs.unreconciled").tag("feed", id)
                    .description("Runs whose source count and the hub's account differed").register(meters)
                    .increment();
        }
        Counter.builder("hub.feed.runs").tag("feed", id).tag("outcome", run.status().name())
                .description("Runs of the feed by outcome").register(meters).increment();
        if (run.endedAt() != null) {
            Timer.builder("hub.feed.run.duration").tag("feed", id).description("How long the feed's runs took")
                    .register(meters).record(Duration.between(run.startedAt(), run.endedAt()));
        }
    }

    @Override
    public void sourceColumnsAdded(FeedConsumer feed, List<String> columns) {
        Counter.builder("hub.feed.source.columns.added").tag("feed", feed.feedId())
                .description("Columns that appeared in the feed's source and that its mapping does not read")
                .register(meters).increment(columns.size());
    }

    @Override
    public void destroy() {
        registry.removeListener(this);
    }
}
