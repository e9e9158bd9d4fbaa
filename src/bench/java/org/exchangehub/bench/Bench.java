package org.exchangehub.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.exchangehub.demo.SeedResult;

/**
 * The side-by-side benchmark of issue 7, run by {@code mvn -B -Pbench verify}: seeds the market-regulation
 * register into an embedded PostgreSQL, then runs the machine's limits, the hub, a typical hand-written Camel
 * route and a Spring Batch job over the same rows in one JVM, and prints (and writes) one table.
 * Options (system properties): bench.rows, bench.stages (all or hub), bench.rounds, bench.out, bench.jfr,
 * bench.split (off leaves out the split loads with 1 and 2 key ranges at a time).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 1);
        String stages = System.getProperty("bench.stages", "all");
        boolean all = "all".equals(stages) || "db".equals(stages);
        boolean dbScenario = !"file".equals(stages);
        boolean fileScenario = "all".equals(stages) || "file".equals(stages);
        int fileMb = Integer.getInteger("bench.fileMb", 128);
        boolean jfr = Boolean.getBoolean("bench.jfr");
        Path out = Path.of(System.getProperty("bench.out", "bench/results/latest.md"));
        Path work = Files.createDirectories(Path.of("target", "bench-work"));
        clean(work);
        long t0 = System.nanoTime();
        List<Meter.Result> results = new ArrayList<>();
        List<Meter.Result> fileResults = new ArrayList<>();
        String seeded;
        long sourceBytes;
        FileScenario files = null;
        String filePrepared = null;
        MapperFigure.Result mapper = null;
        int mapperRows = Math.min(rows, Integer.getInteger("bench.mapperRows", 200_000));
        try (BenchDatabase db = BenchDatabase.start(work)) {
            System.out.println("bench: seeding " + (dbScenario ? rows : 0) + " rows into embedded PostgreSQL ...");
            long s0 = System.nanoTime();
            SeedResult seed = db.seed(dbScenario ? rows : 0);
            sourceBytes = db.sourceBytes();
            seeded = String.format("%,d rows (%,.1f MB of values) seeded in %.0f s; dirty kinds %s", seed.rows(),
                    sourceBytes / 1e6, (System.nanoTime() - s0) / 1e9, seed.kinds());
            System.out.println("bench: " + seeded);
            Meter meter = new Meter(new DbCpu(db.postmasterPid()));
            try (HikariDataSource pool = db.streamingPool("bench-hand")) {
                for (int round = 0; round < rounds && dbScenario; round++) {
                    if (all) {
                        results.add(report(meter.measure(LimitStages.readOnly(pool))));
                        results.add(report(meter.measure(LimitStages.copy(pool, work.resolve("copy-" + round)))));
                    }
                    if (!"off".equals(System.getProperty("bench.oneThread", "on"))) {
                        try (HubStage hub = new HubStage(db, work, false)) {
                            hub.start(round);
                            results.add(report(meter.measure(hub)));
                        }
                    }
                    try (HubStage hub = new HubStage(db, work, true)) {
                        hub.start(round);
                        Recording recording = jfr ? startJfr() : null;
                        if (BenchDatabase.STATEMENTS) {
                            db.resetStatements();
                        }
                        results.add(report(meter.measure(hub)));
                        if (BenchDatabase.STATEMENTS) {
                            String statements = db.statements("hub stage, round " + (round + 1), 15);
                            System.out.println(statements);
                            Files.writeString(Path.of("target", "bench-pg-statements.md"), statements);
                        }
                        if (recording != null) {
                            Path file = Path.of("target", "bench-hub.jfr");
                            recording.dump(file);
                            recording.close();
                            System.out.println("bench: JFR recording of the hub stage: " + file);
                        }
                    }
                    for (int threads = 1; threads <= 2 && !"off".equals(System.getProperty("bench.split", "on"));
                            threads++) {
                        try (HubStage hub = HubStage.split(db, work, threads)) {
                            hub.start(round);
                            results.add(report(meter.measure(hub)));
                        }
                    }
                    if (all) {
                        results.add(report(meter.measure(new CamelStage(pool, work.resolve("camel-lake-" + round)))));
                        results.add(report(meter.measure(new BatchStage(pool, work.resolve("batch-lake-" + round)))));
                    }
                }
                if (all) {
                    mapper = MapperFigure.measure(pool, mapperRows, 5, work);
                    System.out.printf("bench: mapper alone %,.0f records per CPU-second%n", mapper.perCpuSecond());
                }
            }
            if (fileScenario) {
                System.out.println("bench: writing a " + fileMb + " MB GBK CSV drop ...");
                long f0 = System.nanoTime();
                files = FileScenario.prepare(work, fileMb);
                filePrepared = String.format("%,d rows, %,.1f MB GBK CSV (header, CRLF, ~4%% dirty of which a fifth"
                        + " malformed lines, 12%% legacy ID numbers) written in %.0f s", files.rows, files.bytes / 1e6,
                        (System.nanoTime() - f0) / 1e9);
                System.out.println("bench: " + filePrepared);
                for (int round = 0; round < rounds; round++) {
                    fileResults.add(report(meter.measure(files.copy(work.resolve("file-copy-" + round)))));
                    if (!"off".equals(System.getProperty("bench.oneThread", "on"))) {
                        try (HubStage hub = new HubStage(db, work, false, files.drop)) {
                            hub.start(round);
                            fileResults.add(report(meter.measure(hub)));
                        }
                    }
                    try (HubStage hub = new HubStage(db, work, true, files.drop)) {
                        hub.start(round);
                        Recording recording = jfr ? startJfr() : null;
                        fileResults.add(report(meter.measure(hub)));
                        if (recording != null) {
                            Path file = Path.of("target", "bench-file-hub.jfr");
                            recording.dump(file);
                            recording.close();
                            System.out.println("bench: JFR recording of the file hub stage: " + file);
                        }
                    }
                    fileResults.add(report(meter.measure(new FileCamelStage(files,
                            work.resolve("camel-file-lake-" + round)))));
                }
            }
        }
        String text = header(dbScenario ? rows : 0, rounds, seeded, (System.nanoTime() - t0) / 1e9) + "\n";
        List<Meter.Result> dbBest = best(results);
        List<Meter.Result> fileBest = best(fileResults);
        if (dbScenario) {
            text += Table.markdown(dbBest, sourceBytes, rows);
        }
        if (mapper != null) {
            text += "\n" + mapper.markdown(mapperRows);
        }
        if (fileScenario) {
            text += "\n### File scenario: " + filePrepared + "\n\n"
                    + Table.markdown(fileBest, files.bytes, files.rows);
        }
        if (!"hub".equals(stages)) { // the targets need the copy limits
            text += "\n" + Targets.markdown(dbBest, fileBest,
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.println();
        System.out.println(text);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, text);
        System.out.println("bench: written to " + out);
        if (!Boolean.getBoolean("bench.keep")) {
            clean(work);
        }
        System.exit(0); // the embedded servers' non-daemon threads are gone; don't wait for stray pools
    }

    private static Recording startJfr() throws Exception {
        Recording r = new Recording(Configuration.getConfiguration("profile"));
        r.enable("jdk.ExecutionSample").withPeriod(java.time.Duration.ofMillis(10));
        r.start();
        return r;
    }

    private static Meter.Result report(Meter.Result r) {
        System.out.printf("bench: %-60s %,10d rows in %6.1f s%n", r.stage(), r.outcome().rowsRead(), r.seconds());
        return r;
    }

    /** Of several rounds, each stage's fastest (the machine is shared; the fastest is the least disturbed). */
    private static List<Meter.Result> best(List<Meter.Result> results) {
        Map<String, Meter.Result> best = new LinkedHashMap<>();
        for (Meter.Result r : results) {
            best.merge(r.stage(), r, (a, b) -> b.seconds() < a.seconds() ? b : a);
        }
        return new ArrayList<>(best.values());
    }

    private static String header(int rows, int rounds, String seeded, double seconds) {
        Runtime rt = Runtime.getRuntime();
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return "## Benchmark: " + String.format("%,d", rows) + " rows, "
                + LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES) + "\n\n"
                + "- machine: " + rt.availableProcessors() + " cores, " + memory / (1L << 30) + " GiB, "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (shared, noisy)\n"
                + "- JVM: Java " + System.getProperty("java.version") + ", -Xmx" + rt.maxMemory() / (1L << 20)
                + "m, " + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName() + "\n"
                + "- data: " + seeded + "\n"
                + "- rounds: " + rounds + (rounds > 1 ? " (each stage's fastest shown)" : "") + "; whole run "
                + String.format("%.0f s", seconds) + "\n";
    }

    private static void clean(Path work) throws IOException {
        if (Files.exists(work)) {
            try (var files = Files.walk(work)) {
                files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(work)).forEach(p -> p.toFile().delete());
            }
        }
    }
}
