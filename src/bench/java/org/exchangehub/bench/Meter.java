package org.exchangehub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Measures one stage: wall time, this JVM's CPU time (process CPU via the platform MXBean), the database
 * server's CPU time (from /proc), and peak heap (the heap pools' peak usage, reset before the stage).
 */
final class Meter {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final List<MemoryPoolMXBean> HEAP = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    /** A measured stage. */
    record Result(String stage, Stage.Outcome outcome, double seconds, double jvmCpu, double dbCpu, long peakHeap,
            long afterGcHeap, long[] afterGcByTenth) {
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
        System.gc();
        HEAP.forEach(MemoryPoolMXBean::resetPeakUsage);
        AFTER_GC.set(0);
        AFTER_GC_TRACE.clear();
        long cpu0 = OS.getProcessCpuTime();
        double db0 = dbCpu.seconds();
        long t0 = System.nanoTime();
        Stage.Outcome outcome = stage.run();
        long t1 = System.nanoTime();
        long cpu1 = OS.getProcessCpuTime();
        double db1 = dbCpu.seconds();
        long peak = HEAP.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Result(stage.name(), outcome, (t1 - t0) / 1e9, (cpu1 - cpu0) / 1e9, db1 - db0, peak,
                AFTER_GC.get(), byTenth(t0, t1));
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
