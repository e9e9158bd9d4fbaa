package org.exchangehub.source.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exchangehub.feed.SourceLayout;

/**
 * The records of one file as its check parsed them, kept in a local spool file, so that a file is parsed once:
 * the check reads the file in its format and writes each record here, and the delivery, once the check passed,
 * reads the records back from here instead of parsing the file again. Values are kept as they were parsed (text or
 * null) with their line numbers, a malformed line with its column, problem and raw text. The spool is written
 * and read streaming (a 64 KB buffer each way), never held in memory, and deleted when the file is done with.
 */
final class RecordSpool implements AutoCloseable {

    private static final int BUFFER = 1 << 16;
    private static final byte OK = 0;
    private static final byte MALFORMED = 1;
    private static final int NULL = -1;

    private final Path path;
    private DataOutputStream out;
    private SourceLayout layout;
    private long records;
    private byte[] scratch = new byte[256];

    private RecordSpool(Path path) throws IOException {
        this.path = path;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path), BUFFER));
    }

    /** A new, empty spool file in {@code workDir} (created if missing). */
    static RecordSpool create(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return new RecordSpool(Files.createTempFile(workDir, ".records-", ".spool"));
    }

    /** The layout of the spooled records, as the file's reader gave it. */
    void layout(SourceLayout layout) {
        this.layout = layout;
    }

    void add(ParsedLine line) throws IOException {
        out.writeLong(line.line());
        if (line.isMalformed()) {
            out.writeByte(MALFORMED);
            text(line.column());
            text(line.problem());
            text(line.raw());
        } else {
            out.writeByte(OK);
            Object[] values = line.values();
            out.writeInt(values.length);
            for (Object v : values) {
                text(v == null ? null : v.toString());
            }
        }
        records++;
    }

    private void text(String s) throws IOException {
        if (s == null) {
            out.writeInt(NULL);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /** Ends writing and reads the records back, in the order they were added. */
    RecordReader reader() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), BUFFER));
        long count = records;
        SourceLayout spooled = layout;
        return new RecordReader() {
            private long read;

            @Override
            public SourceLayout layout() {
                return spooled;
            }

            @Override
            public ParsedLine next() throws IOException {
                if (read == count) {
                    return null;
                }
                read++;
                try {
                    long line = in.readLong();
                    if (in.readByte() == MALFORMED) {
                        return ParsedLine.malformed(line, text(in), text(in), text(in));
                    }
                    Object[] values = new Object[in.readInt()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = text(in);
                    }
                    return ParsedLine.ok(line, values);
                } catch (EOFException e) {
                    throw new IOException("the spool " + path + " of a checked file ends early (" + (read - 1)
                            + " of " + count + " records): was the work folder cleaned while the file was read?", e);
                }
            }

            @Override
            public void close() throws IOException {
                in.close();
            }
        };
    }

    private String text(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == NULL) {
            return null;
        }
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        in.readFully(scratch, 0, length);
        return new String(scratch, 0, length, StandardCharsets.UTF_8);
    }

    /** Deletes the spool file. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
        Files.deleteIfExists(path);
    }
}
