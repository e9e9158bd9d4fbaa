package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The FastCSV format reads every drop as the Commons CSV format did before it ({@link CommonsCsvReference}): a file
 * one of them sets aside, the other sets aside with the same verdict (TRUNCATED, UNPARSABLE); a file both read, both
 * read into the same records with the same values, and the same malformed lines with the same column, problem and raw
 * text. Compared over thousands of small GBK files made at random (seeded) from the characters CSV is made of:
 * delimiters, quotes, doubled quotes, LF, CRLF and lone CR, spaces, blank lines, Chinese text and bytes that are not
 * valid GBK. A record delivered differently by the two would be a record delivered wrong.
 * <p>One file in ten in the formats with a header starts with a line of random characters too, so the header is
 * read like any record. Each record's line is compared too: the reference counts it from the record's first
 * character (see {@link CommonsCsvReference}). Left out is what comes before the verdict of a file set aside, since
 * nothing of it is delivered (FastCSV hands over the record in which a quote is left open before the end of the file
 * tells it is truncated).
 */
class CsvFormatAgreesWithCommonsCsvTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final int FILES = 4_000;

    @ParameterizedTest(name = "delimiter {0}, quote {1}, header {2}")
    @CsvSource(delimiterString = " ", quoteCharacter = '`', value = {
        ", \" true",
        ", \" false",
        "| ' true",
        "; none true",
        "tab none false"})
    void everyRandomFileReadsAsCommonsCsvReadIt(String delimiterName, String quoteName, boolean header)
            throws IOException {
        char delimiter = "tab".equals(delimiterName) ? '\t' : delimiterName.charAt(0);
        Character quote = "none".equals(quoteName) ? null : quoteName.charAt(0);
        List<String> columns = header ? List.of() : List.of("A", "B", "C");
        Random random = new Random(20261208L + delimiter * 31L + (quote == null ? 0 : quote) + (header ? 1 : 0));
        int withRecords = 0;
        int withMalformed = 0;
        int bad = 0;
        for (int n = 0; n < FILES; n++) {
            byte[] file = randomFile(random, delimiter, quote, header);
            List<String> expected = read(new CommonsCsvReference(GBK, delimiter, quote, header, columns)::open, file);
            List<String> actual = read(new CsvFormat(GBK, delimiter, quote, header, columns)::open, file);
            if (setAside(expected) != null || setAside(actual) != null) { // nothing of the file is delivered
                assertThat(setAside(actual)).as("file %d (GBK bytes %s)", n, HexFormat.of().formatHex(file))
                        .isEqualTo(setAside(expected));
                bad++;
                continue;
            }

            assertThat(actual).as("file %d (GBK bytes %s)", n, HexFormat.of().formatHex(file))
                    .isEqualTo(expected);
            withRecords += expected.stream().anyMatch(s -> s.startsWith("ok")) ? 1 : 0;
            withMalformed += expected.stream().anyMatch(s -> s.startsWith("malformed")) ? 1 : 0;
        }
        // the files cover each outcome, so that agreeing means something
        assertThat(withRecords).as("files with records").isGreaterThan(FILES / 20);
        assertThat(withMalformed).as("files with malformed lines").isGreaterThan(FILES / 10);
        if (quote != null) {
            assertThat(bad).as("files set aside (truncated or unparsable)").isGreaterThan(FILES / 50);
        }
    }

    /** How a format opens a file's bytes. */
    private interface Opener {
        RecordReader open(java.io.InputStream in) throws IOException;
    }

    /** The verdict that sets the file aside, or null where the file was read to its end. */
    private static String setAside(List<String> read) {
        String last = read.get(read.size() - 1);
        return last.startsWith("bad ") ? last : null;
    }

    /**
     * What a format makes of a file: its layout, each record or malformed line with its line, and a verdict where it
     * stops.
     */
    private static List<String> read(Opener format, byte[] file) throws IOException {
        List<String> out = new ArrayList<>();
        try (RecordReader reader = format.open(new ByteArrayInputStream(file))) {
            out.add("layout " + reader.layout().columns());
            for (ParsedLine line = reader.next(); line != null; line = reader.next()) {
                out.add(line.isMalformed()
                        ? "malformed " + line.line() + " " + line.column() + ": " + line.problem() + " | " + line.raw()
                        : "ok " + line.line() + " " + Arrays.toString(line.values()));
            }
        } catch (BadFileException e) {
            out.add("bad " + e.verdict()); // the wording of a syntax error differs; the verdict may not
        }
        return out;
    }

    /** A small GBK file: a header where the format has one, then a few lines made of CSV's characters at random. */
    private static byte[] randomFile(Random random, char delimiter, Character quote, boolean header)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (header && random.nextInt(10) > 0) {
            out.write(("A" + delimiter + "B" + delimiter + "C" + newline(random)).getBytes(GBK));
        } // else the header is whatever the first record makes of the characters below
        int tokens = random.nextInt(40);
        for (int t = 0; t < tokens; t++) {
            int kind = random.nextInt(100);
            if (kind < 25) {
                out.write(pick(random, "a", "bc", "张", "福州市", "35010219900101", "x y").getBytes(GBK));
            } else if (kind < 45) {
                out.write(String.valueOf(delimiter).getBytes(GBK));
            } else if (kind < 60 && quote != null) {
                out.write(String.valueOf(quote).getBytes(GBK));
            } else if (kind < 64 && quote != null) {
                out.write(("" + quote + pick(random, "", "a", "中\n文", "a" + delimiter + "b", "x" + quote + quote + "y")
                        + quote).getBytes(GBK));
            } else if (kind < 80) {
                out.write(newline(random).getBytes(GBK));
            } else if (kind < 86) {
                out.write(pick(random, " ", "\t", "\u3000").getBytes(GBK));
            } else if (kind < 90) {
                out.write(0xFF); // never valid in GBK: decoded as the replacement character
            } else if (kind < 93) {
                out.write(new byte[] {(byte) 0x81, 0x7F}); // a GBK lead byte with an invalid trail byte
            } else {
                out.write(("A" + delimiter + "B" + delimiter + "C").getBytes(GBK)); // a well-formed record
            }
        }
        if (random.nextBoolean()) {
            out.write(newline(random).getBytes(GBK));
        }
        return out.toByteArray();
    }

    private static String newline(Random random) {
        return pick(random, "\n", "\n", "\r\n", "\r", "\n\n");
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
