package org.exchangehub.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.FeedStatus;
import org.exchangehub.feed.SourceProbe;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

/**
 * Health of every running feed ({@code /actuator/health/feeds/<feed id>}). A feed is DOWN when its source
 * cannot be reached, when its last runs failed ({@code hub.ops.health.failed-runs-down} in a row), or when its
 * last successful run is older than its update cycle allows (a number of periods, or a per-feed maximum age).
 */
final class FeedHealth implements CompositeHealthContributor, DisposableBean {

    private static final int RUNS_LOOKED_AT = 20;

    private final FeedRegistry registry;
    private final StateStore state;
    private final OpsProperties.Health settings;
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "feed-health-probe");
        t.setDaemon(true);
        return t;
    });

    FeedHealth(FeedRegistry registry, StateStore state, OpsProperties.Health settings) {
        this.registry = registry;
        this.state = state;
        this.settings = settings;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return registry.feed(name).map(this::indicator).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return registry.feeds().stream()
                .map(f -> NamedContributor.of(f.feedId(), (HealthContributor) indicator(f))).iterator();
    }

    private HealthIndicator indicator(FeedConsumer feed) {
        return () -> health(feed);
    }

    Health health(FeedConsumer feed) {
        Map<String, Object> details = new LinkedHashMap<>();
        FeedStatus status = feed.status();
        details.put("status", status.name());
        details.put("leader", FeedPlacement.leads(state, feed.feedId()));
        details.put("instance", FeedPlacement.instance(state, feed.feedId()));
        Optional<String> problem = Optional.empty();

        Optional<SourceProbe> probe = feed.sourceProbe();
        if (probe.isPresent()) {
            String unreachable = probe(probe.get());
            details.put("source", unreachable == null ? "reachable" : "unreachable: " + unreachable);
            if (unreachable != null) {
                problem = Optional.of("the source cannot be reached");
            }
        }
        long failures = feed.totals().consecutiveFailures();
        details.put("consecutiveFailures", failures);
        if (problem.isEmpty() && failures >= settings.failedRunsDown()) {
            problem = Optional.of("the last " + failures + " runs failed");
        }
        RunRecord last = feed.lastRun();
        if (last != null && last.reconciliation() != null) {
            details.put("lastRunReconciliation", last.reconciliation().toString());
        }
        long unreconciled = feed.totals().consecutiveUnreconciled();
        details.put("consecutiveUnreconciled", unreconciled);
        if (problem.isEmpty() && unreconciled >= Math.max(1, settings.unreconciledRunsDown())) {
            problem = Optional.of("the last " + unreconciled + " run(s) did not reconcile with the source: "
                    + (last == null || last.reconciliation() == null ? "" : last.reconciliation()));
        }
        Instant lastSuccess = lastSuccess(feed);
        details.put("lastSuccessfulRun", lastSuccess == null ? "none" : lastSuccess.toString());
        Duration maxAge = maxAge(feed);
        details.put("maxAge", maxAge.toString());
        boolean scheduled = status != FeedStatus.PAUSED && !registry.isSchedulingSuspended();
        if (problem.isEmpty() && scheduled) {
            if (lastSuccess != null && lastSuccess.plus(maxAge).isBefore(Instant.now())) {
                problem = Optional.of("no successful run for longer than " + maxAge);
            }
        }
        problem.ifPresent(p -> details.put("problem", p));
        return (problem.isPresent() ? Health.down() : Health.up()).withDetails(details).build();
    }

    private Duration maxAge(FeedConsumer feed) {
        Duration configured = settings.maxAge().get(feed.feedId());
        if (configured != null) {
            return configured;
        }
        Duration cycles = feed.period().multipliedBy(Math.max(1, settings.stalePeriods()));
        return cycles.compareTo(settings.minMaxAge()) > 0 ? cycles : settings.minMaxAge();
    }

    private Instant lastSuccess(FeedConsumer feed) {
        RunRecord known = feed.totals().lastSucceeded();
        if (known != null) {
            return known.endedAt();
        }
        return state.runs(feed.feedId(), RUNS_LOOKED_AT).stream().filter(r -> r.status() == RunStatus.SUCCEEDED)
                .map(RunRecord::endedAt).findFirst().orElse(null);
    }

    /** Null when reachable, else why not; never waits much longer than the probe timeout. */
    private String probe(SourceProbe probe) {
        Duration timeout = settings.probeTimeout();
        Future<?> check = probes.submit(() -> {
            probe.check(timeout);
            return null;
        });
        try {
            check.get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            check.cancel(true);
            return "no answer within " + timeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
    }

    @Override
    public void destroy() {
        probes.shutdownNow();
    }
}
