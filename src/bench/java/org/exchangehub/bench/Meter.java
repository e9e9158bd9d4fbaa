package org.exchangehub.bench;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Measures one stage: wall time, this JVM's CPU time (process CPU via the platform MXBean), the database
 * server's CPU time (from /proc), and peak heap (the heap pools' peak usage, reset before the stage).
 * <p>Before each stage the JIT compilers are let finish what earlier work queued ({@link #settleCompilers}): a
 * Spring Boot start-up leaves seconds of C2 compilations of start-up code behind it, which would otherwise run on
 * the two cores during the measured run of the hub stage that follows (start-up is not measured, its
 * compilations should not be either). Every stage waits alike; each stage's own compilations are measured.
 */
final class Meter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    /** At most this long waiting for the compilers to go quiet before a stage. */
    private static final long SETTLE_MAX_MS = Long.getLong("bench.settleMaxMs", 30_000);

    /** A measured stage. */
    record Result(String stage, Stage.Outcome outcome, double seconds, double jvmCpu, double dbCpu, long peakHeap,
            long afterGcHeap, long[] afterGcByTenth, double jitCpu) {
    }

    /** The largest heap left after a collection during the stage: what the stage keeps, not what it churns. */
    private static final java.util.concurrent.atomic.AtomicLong AFTER_GC = new java.util.concurrent.atomic.AtomicLong();
    /** Each collection's heap left after it, with when it ended (System.nanoTime), during the stage. */
    private static final List<long[]> AFTER_GC_TRACE = java.util.Collections.synchronizedList(new java.util.ArrayList<>());

    static {
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((n, handback) -> {
                if (com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                        .equals(n.getType())) {
                    var info = com.sun.management.GarbageCollectionNotificationInfo
                            .from((javax.management.openmbean.CompositeData) n.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(e -> HEAP.stream().anyMatch(p -> p.getName().equals(e.getKey())))
                            .mapToLong(e -> e.getValue().getUsed()).sum();
                    AFTER_GC.accumulateAndGet(used, Math::max);
                    AFTER_GC_TRACE.add(new long[] {System.nanoTime(), used});
                }
            }, null, null);
        }
    }

    private final DbCpu dbCpu;

    Meter(DbCpu dbCpu) {
        this.dbCpu = dbCpu;
    }

    Result measure(Stage stage) throws Exception {
        settleCompilers();
        System.gc();
        HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
        AFTER_GC.set(0);
        AFTER_GC_TRACE.clear();
        long cpu0 = OS.getProcessCpuTime();
        long jit0 = compilerMillis();
        double db0 = dbCpu.seconds();
        long t0 = System.nanoTime();
        Stage.Outcome outcome = stage.run();
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        long jit1 = compilerMillis();
        double db1 = dbCpu.seconds();
        long peak = HEAP.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(stage.name(), outcome, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, db1 - db0, peak,
                AFTER_GC.get(), byTenth(t0, t1), jit0 < 0 ? Double.NaN : (jit1 - jit0) / 1e3);
    }

    /**
     * Waits until the JIT compiler threads used less than 20 ms of CPU in the last 500 ms (or
     * {@code bench.settleMaxMs} passed): what an earlier stage or an application's start-up queued is compiled
     * before the stage is measured. Their CPU is read from /proc (a compilation in progress shows there, not in the
     * compilation MXBean, which counts a compilation when it ends); without /proc the MXBean's total is used.
     */
    static void settleCompilers() throws InterruptedException {
        if (SETTLE_MAX_MS <= 0) {
            return;
        }
        long start = System.nanoTime();
        long before = compilerMillis();
        if (before < 0) {
            return;
        }
        while ((System.nanoTime() - start) / 1_000_000 < SETTLE_MAX_MS) {
            Thread.sleep(500);
            long now = compilerMillis();
            if (now - before < 20) {
                break;
            }
            before = now;
        }
        long waited = (System.nanoTime() - start) / 1_000_000;
        if (waited > 1_000) {
            System.out.printf("bench: waited %.1f s for the JIT compilers to finish earlier work%n", waited / 1e3);
        }
    }

    /** CPU milliseconds of this JVM's JIT compiler threads so far, or -1 where neither /proc nor the MXBean tell. */
    static long compilerMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return JIT != null && JIT.isCompilationTimeMonitoringSupported() ? JIT.getTotalCompilationTime() : -1;
        }
        long ticks = 0;
        try (Stream<Path> list = Files.list(tasks)) {
            for (Path task : (Iterable<Path>) list::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        ticks += DbCpu.ticks(task.resolve("stat"), false);
                    }
                } catch (IOException gone) {
                    // a thread that ended between the listing and the read
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return Math.round(ticks * 1000 / DbCpu.TICKS);
    }

    /** The largest heap left after a collection in each tenth of the stage's time; -1 where none ended in it. */
    private static long[] byTenth(long t0, long t1) {
        long[] max = new long[10];
        java.util.Arrays.fill(max, -1);
        synchronized (AFTER_GC_TRACE) {
            for (long[] gc : AFTER_GC_TRACE) {
                if (gc[0] >= t0 && gc[0] <= t1) {
                    int tenth = (int) Math.min(9, (gc[0] - t0) * 10 / Math.max(1, t1 - t0));
                    max[tenth] = Math.max(max[tenth], gc[1]);
                }
            }
        }
        return max;
    }
}
