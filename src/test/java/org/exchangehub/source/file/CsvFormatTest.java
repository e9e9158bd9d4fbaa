package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV parsing: quoting, line breaks inside fields, CRLF, BOM, line numbers, malformed lines. */
class CsvFormatTest {

    private static final Charset GBK = Charset.forName("GBK");

    private static List<ParsedLine> read(CsvFormat format, byte[] bytes) throws IOException {
        List<ParsedLine> lines = new ArrayList<>();
        try (RecordReader r = format.open(new ByteArrayInputStream(bytes))) {
            ParsedLine l;
            while ((l = r.next()) != null) {
                lines.add(l);
            }
        }
        return lines;
    }

    /** Reading the file, with a header and "," as the delimiter, sets it aside as TRUNCATED. */
    private static void assertTruncated(String csv) {
        assertThatThrownBy(() -> read(headerFormat(','), csv.getBytes(GBK)))
                .isInstanceOfSatisfying(BadFileException.class, e -> assertThat(e.verdict()).isEqualTo("TRUNCATED"));
    }

    private static CsvFormat headerFormat(char delimiter) {
        return new CsvFormat(GBK, delimiter, '"', true, List.of());
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndLineBreaksAndLineNumbersFollowTheFile() throws IOException {
        String csv = "A,B\r\n\"福州,鼓楼\",\"他说\"\"好\"\"\"\r\n\"第一行\r\n第二行\",x\r\n3,4\r\n";

        List<ParsedLine> lines = read(headerFormat(','), csv.getBytes(GBK));

        assertThat(lines).extracting(ParsedLine::line).containsExactly(2L, 3L, 5L);
        assertThat(lines.get(0).values()).containsExactly("福州,鼓楼", "他说\"好\"");
        assertThat(lines.get(1).values()).containsExactly("第一行\r\n第二行", "x");
        assertThat(lines.get(2).values()).containsExactly("3", "4");
    }

    @Test
    void aPipeDelimitedFileWithoutHeaderUsesTheConfiguredColumns() throws IOException {
        CsvFormat format = new CsvFormat(GBK, '|', '"', false, List.of("XM", "XB"));

        List<ParsedLine> lines = read(format, "陈志明|男\n".getBytes(GBK));

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.line()).isEqualTo(1);
            assertThat(l.values()).containsExactly("陈志明", "男");
        });
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsIsMalformed() throws IOException {
        List<ParsedLine> lines = read(headerFormat(','), "A,B\n1,2,3\n".getBytes(GBK));

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.isMalformed()).isTrue();
            assertThat(l.problem()).isEqualTo("3 fields where 2 are expected");
        });
    }

    @Test
    void bytesThatAreNotValidInTheCharsetMakeTheLineMalformed() throws IOException {
        byte[] bytes = {'A', ',', 'B', '\n', '1', ',', (byte) 0x81, '\n'}; // a GBK lead byte before a line break

        List<ParsedLine> lines = read(headerFormat(','), bytes);

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.column()).isEqualTo("B"));
    }

    @Test
    void aQuoteLeftOpenAtTheEndMeansTheFileIsTruncated() {
        assertTruncated("A,B\n1,\"abc\n");
    }

    @Test
    void aUtf8ByteOrderMarkIsSkipped() throws IOException {
        CsvFormat format = new CsvFormat(StandardCharsets.UTF_8, ',', '"', true, List.of());
        try (RecordReader r = format.open(new ByteArrayInputStream("\uFEFFA,B\n1,2\n".getBytes(StandardCharsets.UTF_8)))) {
            assertThat(r.layout().columns()).containsExactly("A", "B");
        }
    }

    @Test
    void aQuoteLeftOpenAtTheEndOfAFileWithoutAFinalLineEndMeansTheFileIsTruncated() {
        assertTruncated("A,B\n1,\"abc");
    }

    @Test
    void aQuoteLeftOpenAfterADoubledQuoteMeansTheFileIsTruncated() {
        assertTruncated("A,B\n1,\"ab\"\"\r\n");
    }

    @Test
    void aFieldOfQuotesAloneLeftOpenAtTheEndMeansTheFileIsTruncated() {
        assertTruncated("A,B\n1,\"\"\"\n");
    }

    @Test
    void closedQuotedFieldsAtTheEndOfTheFileAreRead() throws IOException {
        assertThat(read(headerFormat(','), "A,B\n1,\"abc\"".getBytes(GBK)).get(0).values())
                .containsExactly("1", "abc");
        assertThat(read(headerFormat(','), "A,B\n1,\"ab\n\"\n\n".getBytes(GBK)).get(0).values())
                .containsExactly("1", "ab\n");
        assertThat(read(headerFormat(','), "A,B\n1,\"\"\r\n".getBytes(GBK)).get(0).values())
                .containsExactly("1", "");
        assertThat(read(headerFormat(','), "A,B\n1,\"\"\"\"\n".getBytes(GBK)).get(0).values())
                .containsExactly("1", "\"");
    }

    @Test
    void aCharacterAfterAClosingQuoteMakesTheFileUnparsableWithoutRepeatingIt() {
        assertThatThrownBy(() -> read(headerFormat(','), "A,B\n1,2\n3,\"ab\"Z,4\n".getBytes(GBK)))
                .isInstanceOfSatisfying(BadFileException.class, e -> {
                    assertThat(e.verdict()).isEqualTo("UNPARSABLE");
                    assertThat(e.getMessage()).contains("line 3").doesNotContain("Z");
                });
    }

    @Test
    void aFileWithoutQuotingKeepsQuotesAsText() throws IOException {
        CsvFormat format = new CsvFormat(GBK, ',', null, true, List.of());

        List<ParsedLine> lines = read(format, "A,B\n\"1,2\"\n".getBytes(GBK));

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.values()).containsExactly("\"1", "2\""));
    }

    @Test
    void aNoncharacterInAFileWithoutQuotingMakesTheLineMalformed() throws IOException {
        CsvFormat format = new CsvFormat(StandardCharsets.UTF_8, ',', null, true, List.of());

        List<ParsedLine> lines = read(format, "A,B\n1,\uFFFFx,y\uFFFF\n3,4\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).isMalformed()).isTrue();
        assertThat(lines.get(1).values()).containsExactly("3", "4");
    }

    @Test
    void carriageReturnsAloneEndLinesAndBlankLinesAreSkipped() throws IOException {
        List<ParsedLine> lines = read(headerFormat(','), "A,B\r\r1,2\r3,4\r".getBytes(GBK));

        assertThat(lines).extracting(ParsedLine::line).containsExactly(3L, 4L);
        assertThat(lines.get(1).values()).containsExactly("3", "4");
    }

    @Test
    void aQuotedLastFieldHoldingALoneCarriageReturnIsReadWholeAndTheNextRecordStaysItsOwn() throws IOException {
        // FastCSV alone reads this as one record "1", "3", "4": the quoted field lost, two records made one
        List<ParsedLine> lines = read(headerFormat(','), "A,B\n1,\"福州\r鼓楼\"\n3,4\n".getBytes(GBK));

        assertThat(lines).extracting(ParsedLine::line).containsExactly(2L, 4L);
        assertThat(lines.get(0).values()).containsExactly("1", "福州\r鼓楼");
        assertThat(lines.get(1).values()).containsExactly("3", "4");
    }

    @Test
    void whitespaceAfterAClosingQuoteIsIgnored() throws IOException {
        List<ParsedLine> lines = read(headerFormat(','), "A,B\n\"1\" ,\"2\"\t\u3000\n".getBytes(GBK));

        assertThat(lines).singleElement().satisfies(l -> assertThat(l.values()).containsExactly("1", "2"));
    }

    @Test
    void aQuoteAfterWhitespaceAfterAClosingQuoteMakesTheFileUnparsable() {
        assertThatThrownBy(() -> read(headerFormat(','), "A,B\n\"1\" \"2\",3\n".getBytes(GBK)))
                .isInstanceOfSatisfying(BadFileException.class, e -> assertThat(e.verdict()).isEqualTo("UNPARSABLE"));
    }

    @Test
    void aQuoteOpenedAfterAQuotedFieldEndingInALineBreakMeansTheFileIsTruncated() {
        // the text ends as a closed field "\n" would: only the quoting tells the last quote opens a field
        assertTruncated("A,B\n1,\"x\"\n\"\n");
    }

    @Test
    void aNoncharacterInAQuotedFileMakesTheLineMalformed() throws IOException {
        CsvFormat format = new CsvFormat(StandardCharsets.UTF_8, ',', '"', true, List.of());

        List<ParsedLine> lines = read(format, "A,B\n1,\"x\uFFFEy\"\n3,4\n".getBytes(StandardCharsets.UTF_8));

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).isMalformed()).isTrue();
        assertThat(lines.get(1).values()).containsExactly("3", "4");
    }
}
