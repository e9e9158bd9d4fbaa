package org.exchangehub.source.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.exchangehub.feed.SourceLayout;

/**
 * The records of one file as its check parsed them, kept in a local spool file, so that a file is parsed once:
 * the check reads the file in its format and writes each record here, and the delivery, once the check passed,
 * reads the records back from here instead of parsing the file again. Values are kept as they were parsed (text or
 * null, as UTF-8) with their line numbers, a malformed line with its column, problem and raw text. The spool is
 * written and read streaming through one 64 KB buffer each way (no stream per field: a record costs a few buffer
 * operations), never held in memory, and deleted when the file is done with.
 */
final class RecordSpool implements AutoCloseable {

    private static final int BUFFER = 1 << 16;
    private static final byte OK = 0;
    private static final byte MALFORMED = 1;
    private static final int NULL = -1;

    private final Path path;
    private FileChannel out;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private SourceLayout layout;
    private long records;

    private RecordSpool(Path path) throws IOException {
        this.path = path;
        this.out = FileChannel.open(path, StandardOpenOption.WRITE);
    }

    /** A new, empty spool file in {@code workDir} (created if missing), hidden from a drop folder's listing. */
    static RecordSpool create(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        return new RecordSpool(Files.createTempFile(workDir, ".records-", ".spool"));
    }

    /** The layout of the spooled records, as the file's reader gave it. */
    void layout(SourceLayout layout) {
        this.layout = layout;
    }

    void add(ParsedLine line) throws IOException {
        room(13);
        buffer.putLong(line.line());
        if (line.isMalformed()) {
            buffer.put(MALFORMED);
            text(line.column());
            text(line.problem());
            text(line.raw());
        } else {
            buffer.put(OK);
            Object[] values = line.values();
            buffer.putInt(values.length);
            for (Object v : values) {
                text(v == null ? null : v.toString());
            }
        }
        records++;
    }

    private void text(String s) throws IOException {
        room(4);
        if (s == null) {
            buffer.putInt(NULL);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buffer.putInt(bytes.length);
        for (int at = 0; at < bytes.length; ) {
            room(1);
            int n = Math.min(buffer.remaining(), bytes.length - at);
            buffer.put(bytes, at, n);
            at += n;
        }
    }

    /** Makes room for {@code bytes} (at most the buffer's size) by writing out what the buffer holds. */
    private void room(int bytes) throws IOException {
        if (buffer.remaining() < bytes) {
            drain();
        }
    }

    private void drain() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
        buffer.clear();
    }

    /** Ends writing and reads the records back, in the order they were added. */
    RecordReader reader() throws IOException {
        if (out != null) {
            drain();
            out.close();
            out = null;
        }
        return new Reader(FileChannel.open(path, StandardOpenOption.READ), records, layout);
    }

    private final class Reader implements RecordReader {

        private final FileChannel in;
        private final long count;
        private final SourceLayout spooled;
        private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();
        private byte[] scratch = new byte[256];
        private long read;

        Reader(FileChannel in, long count, SourceLayout spooled) {
            this.in = in;
            this.count = count;
            this.spooled = spooled;
        }

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
            need(13);
            long line = buffer.getLong();
            if (buffer.get() == MALFORMED) {
                return ParsedLine.malformed(line, text(), text(), text());
            }
            Object[] values = new Object[buffer.getInt()];
            for (int i = 0; i < values.length; i++) {
                values[i] = text();
            }
            return ParsedLine.ok(line, values);
        }

        private String text() throws IOException {
            need(4);
            int length = buffer.getInt();
            if (length == NULL) {
                return null;
            }
            if (length <= buffer.remaining()) { // the usual case: decoded straight from the buffer
                String s = new String(buffer.array(), buffer.position(), length, StandardCharsets.UTF_8);
                buffer.position(buffer.position() + length);
                return s;
            }
            if (scratch.length < length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            for (int at = 0; at < length; ) {
                need(1);
                int n = Math.min(buffer.remaining(), length - at);
                buffer.get(scratch, at, n);
                at += n;
            }
            return new String(scratch, 0, length, StandardCharsets.UTF_8);
        }

        /** Makes at least {@code bytes} (at most the buffer's size) readable, or says the spool ended early. */
        private void need(int bytes) throws IOException {
            if (buffer.remaining() >= bytes) {
                return;
            }
            buffer.compact();
            while (buffer.position() < bytes) {
                if (in.read(buffer) < 0) {
                    throw new IOException("the spool " + path + " of a checked file ends early (record " + read
                            + " of " + count + "): was the work folder cleaned while the file was read?");
                }
            }
            buffer.flip();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
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
