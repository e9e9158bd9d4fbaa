package org.exchangehub.bench;

import java.util.List;
import java.util.Optional;

/**
 * Issue 13's targets read off this run's tables: each one met or not, and for a speed target not met, the bound
 * this run itself shows — the hub stage's CPU (JVM + database) spread over the machine's cores, against the copy
 * limit's time. No hub can run faster than its own CPU seconds divided by the cores, so a target above that floor
 * is out of reach on this machine whatever the threads do; the JFR profiles and what was tried per change are in
 * docs/performance.md.
 */
final class Targets {

    private static final String HUB = "hub (route:";

    private Targets() {
    }

    static String markdown(List<Meter.Result> db, List<Meter.Result> file, int cores) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Targets (issue 13) in this run\n\n");
        sb.append("CPU floor: the hub stage's JVM + database CPU seconds over the machine's ").append(cores)
                .append(" cores, the shortest time any run of it could take here; as a ratio, the rate it would"
                        + " reach at that floor against the copy limit's. A speed target above the floor cannot be"
                        + " met by more threads, only by less CPU work. The profiles (JFR, per thread) and what was"
                        + " tried, before / after per change: docs/performance.md, \"Issue 13 targets\".\n\n");
        sb.append("| target | measured | met | CPU floor (× copy) |\n|---|--:|---|--:|\n");
        // a scenario not run has no stages: its rows are left out
        speed(sb, "database: hub ≥ 0.8 × copy limit", db, "copy limit", 0.8, cores);
        speed(sb, "database: hub ≥ 2.5 × typical Camel", db, "typical Camel", 2.5, cores);
        speed(sb, "database: hub ≥ 2.5 × Spring Batch", db, "Spring Batch", 2.5, cores);
        speed(sb, "files: hub ≥ 0.6 × copy limit", file, "copy limit", 0.6, cores);
        size(sb, "database lake ≤ 1.3 × copy", db);
        size(sb, "file lake ≤ 1.3 × copy", file);
        return sb.toString();
    }

    private static void speed(StringBuilder sb, String target, List<Meter.Result> results, String against,
            double wanted, int cores) {
        Optional<Meter.Result> hub = find(results, HUB);
        Optional<Meter.Result> other = find(results, against);
        if (hub.isEmpty() || other.isEmpty()) {
            return;
        }
        double ratio = Table.rowsPerSecond(hub.get()) / Table.rowsPerSecond(other.get());
        double floorSeconds = (hub.get().jvmCpu() + hub.get().dbCpu()) / cores;
        double atFloor = hub.get().outcome().rowsRead() / floorSeconds / Table.rowsPerSecond(other.get());
        sb.append(String.format("| %s | %.2f × | %s | %.2f × (%.1f JVM + %.1f DB CPU-s / %d = %.1f s; ran %.1f s)"
                + " |%n", target, ratio, ratio >= wanted ? "**met**" : atFloor < wanted ? "not met: above the CPU floor"
                        : "not met", atFloor, hub.get().jvmCpu(), hub.get().dbCpu(), cores, floorSeconds,
                hub.get().seconds()));
    }

    private static void size(StringBuilder sb, String target, List<Meter.Result> results) {
        Optional<Meter.Result> hub = find(results, HUB);
        Optional<Meter.Result> copy = find(results, "copy limit");
        if (hub.isEmpty() || copy.isEmpty() || copy.get().outcome().bytesWritten() == 0) {
            return;
        }
        double ratio = (double) hub.get().outcome().bytesWritten() / copy.get().outcome().bytesWritten();
        sb.append(String.format("| %s | %.2f × (%.1f MB / %.1f MB) | %s | – |%n", target, ratio,
                hub.get().outcome().bytesWritten() / 1e6, copy.get().outcome().bytesWritten() / 1e6,
                ratio <= 1.3 ? "**met**" : "not met"));
    }

    private static Optional<Meter.Result> find(List<Meter.Result> results, String prefix) {
        return results.stream().filter(r -> r.stage().startsWith(prefix)).findFirst();
    }
}
