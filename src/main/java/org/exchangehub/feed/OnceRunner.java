package org.exchangehub.feed;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;

/**
 * One-shot mode ({@code --once}): runs every feed once, one after the other, and prints a summary table.
 * For cron-style operation and smoke tests.
 */
public final class OnceRunner {

    private final FeedRegistry registry;

    public OnceRunner(FeedRegistry registry) {
        this.registry = registry;
    }

    /** Runs every registered feed once and returns their exchange-log entries, in feed-id order. */
    public List<RunRecord> runAll() {
        return run(FeedSelection.ALL);
    }

    /**
     * Runs the selected feeds once ({@code --feeds}), in feed-id order.
     *
     * @throws IllegalArgumentException when a pattern of the selection matches no feed
     */
    public List<RunRecord> run(FeedSelection selection) {
        List<RunRecord> runs = new ArrayList<>();
        for (String id : selection.select(registry.feedIds())) {
            registry.feed(id).ifPresent(feed -> runs.add(feed.runNow()));
        }
        return runs;
    }

    /** The process exit code for these runs: 0 only if there was at least one feed and every run succeeded. */
    public static int exitCode(List<RunRecord> runs) {
        if (runs.isEmpty()) {
            return 2;
        }
        return runs.stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED) ? 0 : 1;
    }

    /** Prints the per-feed summary table. */
    public static void print(List<RunRecord> runs, PrintStream out) {
        int width = Math.max(4, runs.stream().mapToInt(r -> r.feedId().length()).max().orElse(4));
        String format = "%-" + width + "s  %10s  %10s  %10s  %10s  %-9s  %s%n";
        out.printf(format, "feed", "read", "delivered", "rejected", "unchanged", "status", "run");
        for (RunRecord r : runs) {
            out.printf(format, r.feedId(), r.rowsRead(), r.rowsDelivered(), r.rowsRejected(), r.rowsUnchanged(), r.status(),
                    r.runId() + (r.error() == null ? "" : "  " + r.error()));
        }
        if (runs.isEmpty()) {
            out.println("(no feeds are configured: check routes/ and the logs)");
        }
    }
}
