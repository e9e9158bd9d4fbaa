package org.exchangehub.demo;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the demo register alive: every interval it inserts and updates a few rows, so the hub's incremental pulls
 * always find something new. Runs on its own daemon thread from context start to context stop; logs counts only.
 */
final class MarketRegulationTrickle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MarketRegulationTrickle.class);

    private final MarketRegulationDatabase database;
    private final Duration interval;
    private final int inserts;
    private final int updates;
    private final AtomicLong runs = new AtomicLong();
    private ScheduledExecutorService executor;

    MarketRegulationTrickle(MarketRegulationDatabase database, Duration interval, int inserts, int updates) {
        this.database = database;
        this.interval = interval;
        this.inserts = inserts;
        this.updates = updates;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "demo-market-regulation-trickle");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::runOnce, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** Trickles completed so far. */
    long runs() {
        return runs.get();
    }

    private void runOnce() {
        try {
            TrickleResult result = database.trickle(inserts, updates);
            runs.incrementAndGet();
            log.debug("Market regulation demo trickle: {} rows inserted ({} expected to be rejected), {} updated",
                    result.inserted().size(), result.inserted().size() - result.expectedValidInserted(),
                    result.updated().size());
        } catch (RuntimeException e) {
            // never the exception's message: a driver may quote the row's values in it
            log.warn("Market regulation demo trickle failed: {}{}", e.getClass().getSimpleName(),
                    e.getCause() instanceof SQLException sql ? " (SQLState " + sql.getSQLState() + ")" : "");
        }
    }
}
