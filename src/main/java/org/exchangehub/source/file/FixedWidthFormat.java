package org.exchangehub.source.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;

import org.exchangehub.feed.SourceLayout;

/**
 * Fixed-width lines cut into fields by BYTE offsets of the layout, each field decoded on its own in the file's
 * charset. Lines are split on LF (a CR before it is dropped), which never occurs inside a GBK, GB18030 or UTF-8
 * character. A line of the wrong length, a field with bytes invalid in the charset, or (by default) a field
 * boundary inside a character is a malformed line naming the field.
 */
final class FixedWidthFormat implements FileFormat {

    private final Charset charset;
    private final FixedWidthLayout layout;
    private final SourceLayout sourceLayout;

    FixedWidthLayout layout() {
        return layout;
    }

    FixedWidthFormat(Charset charset, FixedWidthLayout layout) {
        this.charset = charset;
        this.layout = layout;
        this.sourceLayout = new SourceLayout(layout.names());
    }

    @Override
    public boolean isLineBased() {
        return true;
    }

    @Override
    public RecordReader open(InputStream in) throws IOException {
        return new Reader(Boms.skip(in, charset));
    }

    private final class Reader implements RecordReader {

        private final BufferedInputStream in;
        private final CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer chars = CharBuffer.allocate(
                layout.fields().stream().mapToInt(FixedWidthLayout.Field::width).max().orElse(1));
        private byte[] line = new byte[1024];
        private int length;
        private long number;

        Reader(BufferedInputStream in) {
            this.in = in;
        }

        @Override
        public SourceLayout layout() {
            return sourceLayout;
        }

        @Override
        public ParsedLine next() throws IOException {
            while (readLine()) {
                number++;
                if (length > 0) {
                    return parse();
                }
            }
            return null;
        }

        private ParsedLine parse() {
            int min = layout.minLength();
            if (length < min || (layout.recordLength() > 0 && length != layout.recordLength())) {
                int expected = layout.recordLength() > 0 ? layout.recordLength() : min;
                return ParsedLine.malformed(number, "line", "the line is " + length + " bytes, the layout needs "
                        + (layout.recordLength() > 0 ? "" : "at least ") + expected, lenient());
            }
            Object[] values = new Object[layout.fields().size()];
            for (int i = 0; i < values.length; i++) {
                FixedWidthLayout.Field f = layout.fields().get(i);
                String problem = decode(f.offset(), f.width());
                if (problem != null) {
                    return ParsedLine.malformed(number, f.name(), problem, lenient());
                }
                values[i] = chars.toString();
            }
            return ParsedLine.ok(number, values);
        }

        /** Decodes a field into {@link #chars}; returns what was wrong, or null. */
        private String decode(int offset, int width) {
            ByteBuffer bytes = ByteBuffer.wrap(line, offset, width);
            chars.clear();
            decoder.reset();
            CoderResult r = decoder.decode(bytes, chars, false);
            if (r.isError()) {
                return "bytes " + (bytes.position() + 1) + "-" + (bytes.position() + r.length())
                        + " of the line are not valid " + charset.name();
            }
            if (r.isOverflow()) {
                return "the field decodes to more than " + chars.capacity() + " characters";
            }
            if (bytes.hasRemaining()) {
                if (layout.cutCharacters() == FixedWidthLayout.CutCharacters.REJECT) {
                    return "the field ends inside a character (its last " + bytes.remaining()
                            + " byte(s) begin a character that the next field cuts off)";
                }
                bytes.position(bytes.limit()); // DROP: the whole characters before the cut stay
            }
            decoder.decode(bytes, chars, true);
            decoder.flush(chars);
            chars.flip();
            return null;
        }

        /** The line as text for the quarantine, invalid bytes replaced. */
        private String lenient() {
            return new String(line, 0, length, charset);
        }

        /** Reads one line into {@link #line}; false at the end of the file. */
        private boolean readLine() throws IOException {
            length = 0;
            int b;
            boolean any = false;
            while ((b = in.read()) >= 0) {
                any = true;
                if (b == '\n') {
                    break;
                }
                if (length == line.length) {
                    line = Arrays.copyOf(line, line.length * 2);
                }
                line[length++] = (byte) b;
            }
            if (length > 0 && line[length - 1] == '\r') {
                length--;
            }
            return any;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
