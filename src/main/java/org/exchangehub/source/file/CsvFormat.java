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
 * file is truncated; any other syntax error (a character other than whitespace after a closing quote, a field of
 * more than 16 M characters) makes the rest of the file unreadable, so the file is bad. Whitespace between a closing
 * quote and the delimiter or line end is ignored, as Apache Commons CSV (the hub's CSV reader before FastCSV) did.
 * <p>FastCSV (4.1.0 to 4.2.0) loses a quoted last field that holds a lone CR when an LF follows its closing quote:
 * {@code a,"b\rc"} LF {@code d} reads as one record {@code a, d}. The text FastCSV reads therefore never holds a CR
 * inside quotes: the reader ({@link QuotedText}) follows the quoting and hands such a CR over as {@link #QUOTED_CR},
 * which each field turns back into the CR, and the records' line numbers count it as the line end it is.
 */
final class CsvFormat implements FileFormat {

    /**
     * The quote FastCSV is given for a file without quoting: U+FFFF, a noncharacter no department's text holds. The
     * reader turns any U+FFFF in such a file into the replacement character, so it cannot open a quote and its line
     * is malformed like any other undecodable text.
     */
    private static final char NO_QUOTE = '\uFFFF';
    private static final char REPLACEMENT = '\uFFFD';
    /**
     * What a CR inside quotes is handed to FastCSV as: U+FFFE, a noncharacter no department's text holds; one in the
     * file itself becomes the replacement character, so its line is malformed like any other undecodable text.
     */
    private static final char QUOTED_CR = '\uFFFE';

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
        QuotedText text = new QuotedText(decoded(in, charset), delimiter, quote);
        Rows handler = new Rows();
        CsvReader<Row> csv = CsvReader.builder().fieldSeparator(delimiter)
                .quoteCharacter(quote == null ? NO_QUOTE : quote).skipEmptyLines(true)
                .allowExtraFields(true).allowMissingFields(true) // a record's field count is checked here, per line
                .build(handler, text);
        return new Records(csv, handler, text);
    }

    /**
     * The file's text after its byte order mark, each byte sequence that is not valid in the charset read as the
     * replacement character (its line is then malformed).
     */
    static Reader decoded(InputStream in, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith(String.valueOf(REPLACEMENT));
        return new InputStreamReader(Boms.skip(in, charset), decoder);
    }

    /**
     * One record as FastCSV parsed it: its first line and its fields (Strings, in an {@code Object[]} as a record's
     * values are).
     */
    private record Row(long line, Object[] fields) {
    }

    /**
     * Collects a record's fields into a {@link Row}; turns each {@link #QUOTED_CR} back into its CR, and counts a lone
     * one as the line end FastCSV did not see.
     */
    private static final class Rows extends AbstractBaseCsvCallbackHandler<Row> {

        private Object[] fields = new Object[32];
        /** Lone CRs inside quotes so far, and before the record being parsed: lines FastCSV did not count. */
        private long uncounted;
        private long uncountedBefore;

        /** The first line of the record parsed last, or being parsed (for a syntax error in it). */
        long line() {
            return getStartingLineNumber() + uncountedBefore;
        }

        @Override
        protected void handleBegin(long startingLineNumber) {
            uncountedBefore = uncounted;
        }

        @Override
        protected void handleField(int index, char[] buf, int offset, int len, boolean quoted) {
            if (index == fields.length) {
                fields = Arrays.copyOf(fields, index * 2);
            }
            String value = new String(buf, offset, len);
            if (quoted && value.indexOf(QUOTED_CR) >= 0) {
                for (int i = 0; i < len; i++) {
                    if (buf[offset + i] == QUOTED_CR && (i + 1 == len || buf[offset + i + 1] != '\n')) {
                        uncounted++;
                    }
                }
                value = value.replace(QUOTED_CR, '\r');
            }
            fields[index] = value;
        }

        @Override
        protected Row buildRecord() {
            return new Row(line(), Arrays.copyOf(fields, getFieldCount()));
        }
    }

    private final class Records implements RecordReader {

        private final CsvReader<Row> csv;
        private final Rows handler;
        private final Iterator<Row> rows;
        private final QuotedText text;
        private SourceLayout layout;

        Records(CsvReader<Row> csv, Rows handler, QuotedText text) throws IOException {
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
                    return rows.next();
                }
            } catch (CsvParseException e) {
                throw new BadFileException("UNPARSABLE", "CSV syntax error in the record that starts on line "
                        + handler.line() + ": " + problem(e));
            }
            if (text.endedInsideQuotes()) {
                throw new BadFileException("TRUNCATED", "the file ends inside a quoted field that starts on line "
                        + handler.line());
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
     * The file's text as FastCSV reads it. In a file without quoting, U+FFFF (the quote FastCSV is given) becomes the
     * replacement character. In a file with quoting, the reader follows each field's quoting as FastCSV reads it (a
     * quote opens a quoted field only as a field's first character; a doubled quote inside stays inside):
     * <ul>
     * <li>a CR inside quotes is handed over as {@link #QUOTED_CR};</li>
     * <li>whitespace after a closing quote is left out, and a quote after that whitespace becomes the replacement
     * character, so that FastCSV finds the character after the closing quote that it is;</li>
     * <li>a text that ends inside quotes is a file cut off inside a quoted field ({@link #endedInsideQuotes()}):
     * FastCSV itself ends such a field like a closed one.</li>
     * </ul>
     */
    private static final class QuotedText extends FilterReader {

        private static final int FIELD_START = 0;
        private static final int UNQUOTED = 1;
        private static final int QUOTED = 2;
        /** A quote inside quotes: the closing quote, or the first of a doubled one. */
        private static final int QUOTE_IN_QUOTES = 3;
        /** Whitespace after a closing quote. */
        private static final int AFTER_CLOSING = 4;

        private final char delimiter;
        private final Character quote;
        private int state = FIELD_START;

        QuotedText(Reader in, char delimiter, Character quote) {
            super(in);
            this.delimiter = delimiter;
            this.quote = quote;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n;
            do {
                n = in.read(buf, off, len);
                if (n <= 0) {
                    return n;
                }
                n = quote == null ? unquoted(buf, off, n) : quoted(buf, off, n, quote);
            } while (n == 0); // all of it was whitespace after a closing quote
            return n;
        }

        private static int unquoted(char[] buf, int off, int n) {
            for (int i = off; i < off + n; i++) {
                if (buf[i] == NO_QUOTE) {
                    buf[i] = REPLACEMENT;
                }
            }
            return n;
        }

        /**
         * Follows the quoting over {@code n} characters; returns how many are left (whitespace after a closing quote
         * is left out), moved to the front. The ordinary characters inside quotes, and inside an unquoted field, are
         * passed over in a tight loop each (they change neither the state nor themselves), so that following the
         * quoting costs the check little.
         */
        private int quoted(char[] buf, int off, int n, char q) {
            int end = off + n;
            int to = off;
            int i = off;
            while (i < end) {
                char c = buf[i];
                if (state == QUOTED) {
                    while (c != q && (c > '\r' ? c < QUOTED_CR : c != '\r')) {
                        if (to != i) {
                            buf[to] = c;
                        }
                        to++;
                        if (++i == end) {
                            return to - off;
                        }
                        c = buf[i];
                    }
                } else if (state == UNQUOTED) {
                    for (; c != delimiter && (c > '\r' ? c < QUOTED_CR : c != '\n' && c != '\r'); c = buf[i]) {
                        if (to != i) {
                            buf[to] = c;
                        }
                        to++;
                        if (++i == end) {
                            return to - off;
                        }
                    }
                }
                i++;
                int handed = special(c, q);
                if (handed >= 0) {
                    buf[to++] = (char) handed;
                }
            }
            return to - off;
        }

        /** Moves the state on over a character that is not ordinary; returns what to hand over, or -1 for nothing. */
        private int special(char c, char q) {
            if (c == QUOTED_CR) {
                c = REPLACEMENT; // the file's own U+FFFE is no CR
            }
            if (state == QUOTED) {
                if (c == q) {
                    state = QUOTE_IN_QUOTES;
                }
                return c == '\r' ? QUOTED_CR : c; // U+FFFF as it is
            }
            boolean ends = c == delimiter || c == '\n' || c == '\r';
            if (state == FIELD_START || state == UNQUOTED) {
                state = ends ? FIELD_START : state == FIELD_START && c == q ? QUOTED : UNQUOTED;
            } else if (c == q && state == QUOTE_IN_QUOTES) { // after a quote inside quotes
                state = QUOTED; // a doubled quote
            } else if (ends) {
                state = FIELD_START;
            } else if (Character.isWhitespace(c)) {
                state = AFTER_CLOSING;
                return -1; // left out, as Commons CSV ignored it
            } else {
                state = UNQUOTED; // FastCSV fails the record here
                if (c == q) {
                    return REPLACEMENT; // not to be read as a doubled quote once the whitespace is gone
                }
            }
            return c;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        /** Whether the text, read to its end, ended inside a quoted field: the file was cut off inside quotes. */
        boolean endedInsideQuotes() {
            return state == QUOTED;
        }
    }
}
