package org.exchangehub.bench;

/** One stage of the benchmark: runs over the prepared data once and says how many rows it read and wrote. */
interface Stage {

    /** The stage's name in the table. */
    String name();

    /** Runs the stage; the time, CPU and heap around this call are what the table shows. */
    Outcome run() throws Exception;

    /** What a stage did: rows read from the source, rows written, bytes written (0 when nothing). */
    record Outcome(long rowsRead, long rowsWritten, long bytesWritten, String note) {
    }
}
