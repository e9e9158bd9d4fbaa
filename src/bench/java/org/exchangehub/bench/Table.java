package org.exchangehub.bench;

import java.util.List;

/** The results as a Markdown table, each stage's throughput also as a ratio to the copy limit. */
final class Table {

    private Table() {
    }

    static String markdown(List<Meter.Result> results, long sourceBytes, long sourceRows) {
        double limit = results.stream().filter(r -> r.stage().startsWith("copy limit"))
                .mapToDouble(Table::rowsPerSecond).findFirst().orElse(Double.NaN);
        double limitBytes = results.stream().filter(r -> r.stage().startsWith("copy limit"))
                .mapToDouble(r -> r.outcome().bytesWritten()).findFirst().orElse(Double.NaN);
        StringBuilder sb = new StringBuilder();
        sb.append("| stage | rows read | rows written | s | rows/s | MB/s | JVM CPU s | DB CPU s | peak heap MB"
                + " | heap after GC MB (max) | Parquet MB | Parquet × copy | × copy limit | note |\n");
        sb.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
        for (Meter.Result r : results) {
            double rps = rowsPerSecond(r);
            double mbs = sourceBytes / 1e6 * r.outcome().rowsRead() / Math.max(1, sourceRows) / r.seconds();
            long bytes = r.outcome().bytesWritten();
            String sizeRatio = bytes == 0 || Double.isNaN(limitBytes) ? "–" : String.format("%.2f", bytes / limitBytes);
            sb.append(String.format("| %s | %,d | %,d | %.1f | %,.0f | %.1f | %.1f | %.1f | %,d | %,d | %.1f | %s | %s"
                    + " | %s |%n",
                    r.stage(), r.outcome().rowsRead(), r.outcome().rowsWritten(), r.seconds(), rps, mbs, r.jvmCpu(),
                    r.dbCpu(), r.peakHeap() >> 20, r.afterGcHeap() >> 20, bytes / 1e6, sizeRatio,
                    Double.isNaN(limit) ? "–" : String.format("%.2f", rps / limit), r.outcome().note()));
        }
        sb.append("\nHeap after GC, the largest in each tenth of the stage's time (MB; – where no collection ended"
                + " in it): what each stage keeps as it goes, flat or growing.\n\n");
        for (Meter.Result r : results) {
            StringBuilder tenths = new StringBuilder();
            for (long used : r.afterGcByTenth()) {
                tenths.append(tenths.isEmpty() ? "" : " · ").append(used < 0 ? "–" : String.valueOf(used >> 20));
            }
            sb.append("- ").append(r.stage()).append(": ").append(tenths).append('\n');
        }
        sb.append("\nJIT compilers' CPU seconds during each stage, part of its JVM CPU (the code a stage runs for the first"
                + " time in this JVM is compiled while it runs; the compilations an earlier stage or a start-up queued"
                + " were let finish before it):\n\n");
        for (Meter.Result r : results) {
            sb.append("- ").append(r.stage()).append(": ").append(Double.isNaN(r.jitCpu()) ? "–"
                    : String.format("%.1f of %.1f", r.jitCpu(), r.jvmCpu())).append('\n');
        }
        return sb.toString();
    }

    static double rowsPerSecond(Meter.Result r) {
        return r.outcome().rowsRead() / r.seconds();
    }
}
