package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exchangehub.feed.SourceLayout;

/**
 * CSV through Apache Commons CSV: a header line or configured column names, any delimiter and quote, quoted
 * fields holding delimiters, quotes and line breaks, LF or CRLF. A record with the wrong number of fields, or
 * with bytes that are not valid in the charset, is a malformed line; a quote left open at the end of the file
 * means the file is truncated; any other syntax error makes the rest of the file unreadable, so the file is bad.
 */
final class CsvFormat implements FileFormat {

    private final Charset charset;
    private final CSVFormat csv;
    private final boolean header;
    private final SourceLayout configured;

    CsvFormat(Charset charset, char delimiter, Character quote, boolean header, List<String> columns) {
        this.charset = charset;
        this.header = header;
        this.configured = columns.isEmpty() ? null : new SourceLayout(columns);
        this.csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setQuote(quote).setIgnoreEmptyLines(true)
                .setTrim(false).setIgnoreSurroundingSpaces(false).build();
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
                .onUnmappableCharacter(CodingErrorAction.REPLACE).replaceWith("\uFFFD");
        CSVParser parser = CSVParser.parse(new InputStreamReader(Boms.skip(in, charset), decoder), csv);
        return new Reader(parser);
    }

    private final class Reader implements RecordReader {

        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private SourceLayout layout;
        private long linesBefore;

        Reader(CSVParser parser) throws IOException {
            this.parser = parser;
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
            long line = linesBefore + 1;
            linesBefore = parser.getCurrentLineNumber();
            // the line number counts line breaks read; a record begins after the previous record's last one
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
