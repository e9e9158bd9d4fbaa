package org.exchangehub.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a large household-registration drop (GBK CSV with a header and CRLF line ends, as the department's
 * system writes it) of a given size, streaming: residents are made a few thousand at a time, so a gigabyte
 * file needs no more memory than a small one. For the benchmark's file scenario.
 */
public final class PublicSecurityBulk {

    private static final int CHUNK = 10_000;

    private PublicSecurityBulk() {
    }

    /**
     * Writes at least {@code bytes} bytes of rows (whole rows; about 4% dirty, a fifth of those malformed lines,
     * 12% legacy 15-digit ID numbers) to {@code file}.
     *
     * @return the number of data rows written
     */
    public static long writeCsv(Path file, long bytes, long seed) throws IOException {
        PublicSecurityGenerator generator = new PublicSecurityGenerator(seed);
        long rows = 0;
        try (var counting = new CountingStream(Files.newOutputStream(file));
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(counting, PublicSecurityDrop.GBK), 1 << 16)) {
            w.write(PublicSecurityDrop.CSV_HEADER);
            w.write("\r\n");
            while (true) {
                w.flush();
                if (counting.count >= bytes) {
                    break;
                }
                List<PublicSecurityPerson> persons = generator.persons(CHUNK, true);
                for (PublicSecurityPerson p : persons) {
                    w.write(PublicSecurityDrop.csvLine(p));
                    w.write("\r\n");
                }
                rows += persons.size();
            }
        }
        return rows;
    }

    /** Counts the bytes written through it. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(java.io.OutputStream out) {
            super(new java.io.BufferedOutputStream(out, 1 << 16));
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
