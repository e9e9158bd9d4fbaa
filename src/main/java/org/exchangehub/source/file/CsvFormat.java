package org.exchangehub.source.file;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import de.siegmar.fastcsv.reader.AbstractBaseCsvCallbackHandler;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import org.exchangehub.feed.SourceLayout;

/**
 * CSV through FastCSV: a header line or configured column names, any delimiter and quote (or none), quoted fields
 * holding delimiters, quotes and line breaks, LF, CRLF or CR. A record with the wrong number of fields, or with
 * bytes that are not valid in the charset, is a malformed line; a quote left open at the end of the file means the
 * file is truncated; any other syntax error (a character after a closing quote, a field of more than 16 M
 * characters) makes the rest of the file unreadable, so the file is bad.
 */
final class CsvFormat implements FileFormat {

    /**
     * The quote FastCSV is given for a file without quoting: U+FFFF, a noncharacter no department's text holds. The
     * reader turns any U+FFFF in such a file into the replacement character, so it cannot open a quote and its line
     * is malformed like any other undecodable text.
     */
    private static final char NO_QUOTE = '\uFFFF';
    private static final char REPLACEMENT = '\uFFFD';

    private final Charset charset;
    private final char delimiter;
    private final Character quote;
    private final boolean header;
    private final SourceLayout configured;

    CsvFormat(Charset charset, char delimiter, Character quote, boolean header, List<String> columns) {
        this.charset = charset;
        this.delimiter = delimiter;
        this.quote = quote;
        this.header = header;
        this.configured = columns.isEmpty() ? null : new SourceLayout(columns);
    }

    @Override
    public boolean isLineBased() {
        return true;
    }

    @Override
    public boolean namesItsColumns() {
        return header && configured == null;
    }

    @Override
    public RecordReader open(InputStream in) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(REPLACEMENT));
        Tail text = new Tail(new InputStreamReader(Boms.skip(in, charset), decoder), quote == null);
        Rows handler = new Rows();
        CsvReader<Row> csv = CsvReader.builder().fieldSeparator(delimiter)
                .quoteCharacter(quote == null ? NO_QUOTE : quote).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true) // a record's field count is checked here, per line
                .build(handler, text);
        return new Records(csv, handler, text);
    }

    /**
     * One record as FastCSV parsed it: its first line, its fields (Strings, in an {@code Object[]} as a record's
     * values are) and whether its last field was quoted.
     */
    private record Row(long line, Object[] fields, boolean lastQuoted) {
    }

    /** Collects a record's fields into a {@link Row}, with the quoting of the last field. */
    private static final class Rows extends AbstractBaseCsvCallbackHandler<Row> {

        private Object[] fields = new Object[32];
        private boolean lastQuoted;

        /** The first line of the record parsed last, or being parsed (for a syntax error in it). */
        long line() {
            return getStartingLineNumber();
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            lastQuoted = false;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            if (index == fields.length) {
                fields = Arrays.copyOf(fields, index * 2);
            }
            fields[index] = new String(buf, offset, len);
            lastQuoted = quoted;
        }

        @Override
        protected Row buildRecord() {
            return new Row(getStartingLineNumber(), Arrays.copyOf(fields, getFieldCount()), lastQuoted);
        }
    }

    private final class Records implements RecordReader {

        private final CsvReader<Row> csv;
        private final Rows handler;
        private final Iterator<Row> rows;
        private final Tail text;
        private SourceLayout layout;
        private Row last;

        Records(CsvReader<Row> csv, Rows handler, Tail text) throws IOException {
            this.csv = csv;
            this.handler = handler;
            this.rows = csv.iterator();
            this.text = text;
            this.layout = configured;
            if (header) {
                Row names = nextRow();
                if (names == null) {
                    throw new BadFileException("TRUNCATED", "the file is empty: no header line");
                }
                List<String> columns = new ArrayList<>(names.fields().length);
                for (Object n : names.fields()) {
                    columns.add(((String) n).strip());
                }
                if (layout == null) {
                    layout = new SourceLayout(columns);
                }
            }
        }

        @Override
        public SourceLayout layout() {
            return layout;
        }

        @Override
        public ParsedLine next() throws IOException {
            Row r = nextRow();
            if (r == null) {
                return null;
            }
            Object[] fields = r.fields();
            if (fields.length != layout.size()) {
                return ParsedLine.malformed(r.line(), "line", fields.length + " fields where " + layout.size()
                        + " are expected", join(fields));
            }
            for (int i = 0; i < fields.length; i++) {
                if (((String) fields[i]).indexOf(REPLACEMENT) >= 0) {
                    return ParsedLine.malformed(r.line(), layout.columns().get(i), "bytes that are not valid "
                            + charset.name(), join(fields));
                }
            }
            return ParsedLine.ok(r.line(), fields);
        }

        private Row nextRow() throws IOException {
            try {
                if (rows.hasNext()) {
                    last = rows.next();
                    return last;
                }
            } catch (CsvParseException e) {
                throw new BadFileException("UNPARSABLE", "CSV syntax error in the record that starts on line "
                        + handler.line() + ": " + problem(e));
            }
            if (last != null && last.lastQuoted() && quote != null
                    && text.endsInsideQuotes(quote, (String) last.fields()[last.fields().length - 1])) {
                throw new BadFileException("TRUNCATED", "the file ends inside a quoted field that starts on line "
                        + last.line());
            }
            return null;
        }

        /** What FastCSV found wrong, without the character it found (a report never repeats a value). */
        private static String problem(CsvParseException e) {
            String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
            if (message != null && message.startsWith("Unexpected character after closing quote")) {
                return "a character follows a closing quote where a delimiter or a line end belongs";
            }
            return message;
        }

        private String join(Object[] fields) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    sb.append(delimiter);
                }
                sb.append(fields[i]);
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }
    }

    /**
     * The file's text as FastCSV reads it, keeping its last characters: FastCSV ends a quoted field that the file
     * leaves open at its end like a closed one, so whether the file was cut off inside quotes is read from how the
     * text ends. In a file without quoting, U+FFFF (the quote FastCSV is given) becomes the replacement character.
     */
    private static final class Tail extends FilterReader {

        private static final int KEPT = 256;

        private final boolean unquoted;
        private final char[] kept = new char[KEPT];
        private int keptLength;

        Tail(Reader in, boolean unquoted) {
            super(in);
            this.unquoted = unquoted;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n <= 0) {
                return n;
            }
            if (unquoted) {
                for (int i = off; i < off + n; i++) {
                    if (buf[i] == NO_QUOTE) {
                        buf[i] = REPLACEMENT;
                    }
                }
            }
            if (n >= KEPT) {
                System.arraycopy(buf, off + n - KEPT, kept, 0, KEPT);
                keptLength = KEPT;
            } else {
                int keep = Math.min(keptLength, KEPT - n);
                System.arraycopy(kept, keptLength - keep, kept, 0, keep);
                System.arraycopy(buf, off, kept, keep, n);
                keptLength = keep + n;
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        /**
         * Whether the text ended inside the quoted field that was the last record's last field, whose value is
         * {@code value}. A closed field is the opening quote, the value with each quote doubled and the closing
         * quote, followed by nothing but line ends; a field left open runs to the end of the text. So the text, without
         * its last line ends, ends with the closed field's characters exactly when the field was closed (of a value
         * longer than what is kept, its last characters are compared).
         */
        boolean endsInsideQuotes(char quote, String value) {
            String q = String.valueOf(quote);
            String closed = q + value.replace(q, q + q) + q;
            int end = keptLength;
            while (end > 0 && (kept[end - 1] == '\n' || kept[end - 1] == '\r')) {
                end--;
            }
            if (closed.length() > end && keptLength < KEPT) {
                return true; // the whole text is shorter than the closed field would be
            }
            int compared = Math.min(closed.length(), end);
            for (int i = 1; i <= compared; i++) {
                if (kept[end - i] != closed.charAt(closed.length() - i)) {
                    return true;
                }
            }
            return false;
        }
    }
}
