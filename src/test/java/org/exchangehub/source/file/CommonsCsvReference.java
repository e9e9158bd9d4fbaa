package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exchangehub.feed.SourceLayout;

/**
 * The CSV format as the hub read drops before FastCSV (Apache Commons CSV, as of 9d36ea9), kept as the reference
 * that {@link CsvFormatAgreesWithCommonsCsvTest} compares the FastCSV format with. One change: a record's line is
 * its first character's line, counted in the text read (CR, LF and CRLF each end a line); the reader of 9d36ea9
 * counted from the end of the record before, so blank lines between two records were not counted.
 */
final class CommonsCsvReference {

    private final Charset charset;
    private final CSVFormat csv;
    private final boolean header;
    private final SourceLayout configured;

    CommonsCsvReference(Charset charset, char delimiter, Character quote, boolean header, List<String> columns) {
        this.charset = charset;
        this.header = header;
        this.configured = columns.isEmpty() ? null : new SourceLayout(columns);
        this.csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(quote).setIgnoreEmptyLines(true)
                .setTrim(false).setIgnoreSurroundingSpaces(false).build();
    }

    /** Reads the file's text as {@link CsvFormat} decodes it. */
    RecordReader open(InputStream in) throws IOException {
        Text text = new Text(CsvFormat.decoded(in, charset));
        CSVParser parser = CSVParser.parse(text, csv);
        return new Reader(parser, text);
    }

    /** The text as the parser reads it, kept (test files are small) to count the lines before a record. */
    private static final class Text extends java.io.FilterReader {

        private final StringBuilder read = new StringBuilder();

        Text(java.io.Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n > 0) {
                read.append(buf, off, n);
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            int c = in.read();
            if (c >= 0) {
                read.append((char) c);
            }
            return c;
        }

        /**
         * The line of the first character at or after {@code position} that is not a line end: Commons CSV gives a
         * record's position before the blank lines it skipped.
         */
        long lineAt(long position) {
            int start = (int) position;
            while (start < read.length() && (read.charAt(start) == '\n' || read.charAt(start) == '\r')) {
                start++;
            }
            long line = 1;
            for (int i = 0; i < start; i++) {
                char c = read.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= read.length() || read.charAt(i + 1) != '\n'))) {
                    line++;
                }
            }
            return line;
        }
    }

    private final class Reader implements RecordReader {

        private final CSVParser parser;
        private final Text text;
        private final Iterator<CSVRecord> records;
        private SourceLayout layout;
        private long linesBefore;

        Reader(CSVParser parser, Text text) throws IOException {
            this.parser = parser;
            this.text = text;
            this.records = parser.iterator();
            this.layout = configured;
            if (header) {
                CSVRecord names = nextRecord();
                if (names == null) {
                    throw new BadFileException("TRUNCATED", "the file is empty: no header line");
                }
                List<String> columns = new ArrayList<>(names.size());
                names.forEach(n -> columns.add(n.strip()));
                if (layout == null) {
                    layout = new SourceLayout(columns);
                }
                linesBefore = parser.getCurrentLineNumber();
            }
        }

        @Override
        public SourceLayout layout() {
            return layout;
        }

        @Override
        public ParsedLine next() throws IOException {
            CSVRecord r = nextRecord();
            if (r == null) {
                return null;
            }
            long line = text.lineAt(r.getCharacterPosition());
            linesBefore = parser.getCurrentLineNumber();
            if (r.size() != layout.size()) {
                return ParsedLine.malformed(line, "line", r.size() + " fields where " + layout.size()
                        + " are expected", join(r));
            }
            Object[] values = new Object[r.size()];
            for (int i = 0; i < values.length; i++) {
                String v = r.get(i);
                if (v.indexOf('\uFFFD') >= 0) {
                    return ParsedLine.malformed(line, layout.columns().get(i), "bytes that are not valid "
                            + charset.name(), join(r));
                }
                values[i] = v;
            }
            return ParsedLine.ok(line, values);
        }

        private CSVRecord nextRecord() throws IOException {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                return records.next();
            } catch (UncheckedIOException e) {
                String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                if (message != null && message.contains("EOF reached before encapsulated token finished")) {
                    throw new BadFileException("TRUNCATED", "the file ends inside a quoted field that starts on line "
                            + (linesBefore + 1));
                }
                throw new BadFileException("UNPARSABLE", "CSV syntax error after line " + linesBefore + ": "
                        + message);
            }
        }

        private String join(CSVRecord r) {
            return String.join(String.valueOf(csv.getDelimiterString()), r.values());
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
