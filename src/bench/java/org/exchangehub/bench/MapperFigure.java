package org.exchangehub.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.MappedBatch;

/**
 * The mapper alone: the hub's mapping of the demo enterprise table (standards checks, codes, record hash) over
 * rows already in memory, in the hub's batches, on one thread. Reported per CPU-second of that thread, which a
 * shared machine disturbs far less than wall time, so that a mapping regression shows in one run.
 */
final class MapperFigure {

    /** One measured figure. */
    record Result(long records, int passes, double cpuSeconds, double wallSeconds, long accepted) {

        double perCpuSecond() {
            return records / cpuSeconds;
        }

        String markdown(int sample) {
            return String.format("### Mapper alone%n%n%,.0f records per CPU-second on one thread (%,d records: %,d "
                    + "rows read once, mapped %d times in batches of %,d; %.1f CPU s, %.1f s wall; %,d accepted). "
                    + "The hub's mapping step, without source, sink or state.%n", perCpuSecond(), records, sample,
                    passes, BATCH, cpuSeconds, wallSeconds, accepted);
        }
    }

    static final int BATCH = 20_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private MapperFigure() {
    }

    static Result measure(DataSource pool, int sample, int passes, Path work) throws Exception {
        HandWritten hand = new HandWritten(work.resolve("mapper-lake"), "bench-mapper");
        List<SourceRecord> rows = read(pool, hand, sample);
        map(hand, rows); // warm-up: the JIT compiles the mapping before it is measured
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        long accepted = 0;
        for (int p = 0; p < passes; p++) {
            accepted += map(hand, rows);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e9;
        return new Result((long) rows.size() * passes, passes, cpu, wall, accepted);
    }

    private static long map(HandWritten hand, List<SourceRecord> rows) {
        long accepted = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            MappedBatch batch = hand.mapper.mapAll(rows.subList(from, Math.min(rows.size(), from + BATCH)));
            accepted += batch.records().size();
        }
        return accepted;
    }

    private static List<SourceRecord> read(DataSource pool, HandWritten hand, int sample) throws Exception {
        List<SourceRecord> rows = new ArrayList<>(sample);
        int n = HandWritten.COLUMNS.size();
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(LimitStages.SELECT + " LIMIT ?")) {
            ps.setFetchSize(5_000);
            ps.setInt(1, sample);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] values = new Object[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = rs.getObject(i + 1);
                    }
                    rows.add(new SourceRecord(String.valueOf(values[0]), hand.layout, values));
                }
            }
            c.rollback();
        }
        return rows;
    }
}
