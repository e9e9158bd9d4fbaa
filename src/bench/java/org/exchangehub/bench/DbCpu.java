package org.exchangehub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU seconds used so far by the embedded PostgreSQL server: its postmaster's own and reaped children's time
 * plus the time of the backends still alive, read from /proc (Linux only; 0 elsewhere).
 */
final class DbCpu {

    /** Clock ticks per second of the CPU times in /proc (USER_HZ on Linux). */
    static final double TICKS = 100.0;

    private final long postmaster;

    DbCpu(long postmaster) {
        this.postmaster = postmaster;
    }

    double seconds() {
        if (postmaster <= 0) {
            return 0;
        }
        long ticks = ticks(postmaster, true);
        ProcessHandle pm = ProcessHandle.of(postmaster).orElse(null);
        if (pm != null) {
            for (ProcessHandle child : pm.children().toList()) {
                ticks += ticks(child.pid(), false);
            }
        }
        return ticks / TICKS;
    }

    private static long ticks(long pid, boolean withReaped) {
        return ticks(Path.of("/proc", Long.toString(pid), "stat"), withReaped);
    }

    /**
     * The user + system ticks in a /proc {@code stat} file (of a process or a thread), with its reaped children's
     * where asked; 0 where the file is gone or unreadable.
     */
    static long ticks(Path statFile, boolean withReaped) {
        try {
            String stat = Files.readString(statFile);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ... utime(11) stime(12) cutime(13) cstime(14)
            long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            if (withReaped) {
                t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
            }
            return t;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
