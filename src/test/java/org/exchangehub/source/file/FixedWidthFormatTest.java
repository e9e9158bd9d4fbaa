package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Fixed-width records cut by byte offsets in GBK and GB18030. */
class FixedWidthFormatTest {

    private static final Charset GBK = Charset.forName("GBK");

    private static FixedWidthLayout layout(FixedWidthLayout.CutCharacters cut) {
        // XM: 5 bytes, then DM: 2 bytes
        return new FixedWidthLayout(List.of(new FixedWidthLayout.Field("XM", 0, 5),
                new FixedWidthLayout.Field("DM", 5, 2)), 7, cut);
    }

    private static List<ParsedLine> read(FixedWidthFormat format, byte[]... lines) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] line : lines) {
            out.writeBytes(line);
            out.write('\r');
            out.write('\n');
        }
        List<ParsedLine> parsed = new ArrayList<>();
        try (RecordReader r = format.open(new ByteArrayInputStream(out.toByteArray()))) {
            ParsedLine l;
            while ((l = r.next()) != null) {
                parsed.add(l);
            }
        }
        return parsed;
    }

    /** 陈志明 is 6 GBK bytes: a 5-byte field ends inside 明. */
    private static byte[] cutName() {
        byte[] name = "陈志明".getBytes(GBK);
        byte[] line = new byte[7];
        System.arraycopy(name, 0, line, 0, 5);
        line[5] = '0';
        line[6] = '1';
        return line;
    }

    @Test
    void fieldsAreCutByBytesNotCharacters() throws IOException {
        byte[] line = new byte[7];
        System.arraycopy("陈志 ".getBytes(GBK), 0, line, 0, 5);
        line[5] = '0';
        line[6] = '1';

        List<ParsedLine> parsed = read(new FixedWidthFormat(GBK, layout(FixedWidthLayout.CutCharacters.REJECT)), line);

        assertThat(parsed).singleElement().satisfies(l -> assertThat(l.values()).containsExactly("陈志 ", "01"));
    }

    @Test
    void aFieldEndingInsideATwoByteCharacterIsAMalformedRecordNamingTheField() throws IOException {
        List<ParsedLine> parsed = read(new FixedWidthFormat(GBK, layout(FixedWidthLayout.CutCharacters.REJECT)),
                cutName());

        assertThat(parsed).singleElement().satisfies(l -> {
            assertThat(l.isMalformed()).isTrue();
            assertThat(l.column()).isEqualTo("XM");
            assertThat(l.problem()).contains("ends inside a character");
        });
    }

    @Test
    void withDropTheCutCharacterIsDroppedAndTheNextFieldStartsAtItsOffset() throws IOException {
        List<ParsedLine> parsed = read(new FixedWidthFormat(GBK, layout(FixedWidthLayout.CutCharacters.DROP)),
                cutName());

        assertThat(parsed).singleElement().satisfies(l -> assertThat(l.values()).containsExactly("陈志", "01"));
    }

    @Test
    void aGb18030FourByteCharacterCutAfterTwoBytesIsAMalformedRecord() throws IOException {
        Charset gb18030 = Charset.forName("GB18030");
        byte[] rare = "\uD842\uDFB7".getBytes(gb18030); // 4 bytes
        byte[] line = {'A', 'B', 'C', rare[0], rare[1], '0', '1'};

        List<ParsedLine> parsed = read(new FixedWidthFormat(gb18030, layout(FixedWidthLayout.CutCharacters.REJECT)),
                line);

        assertThat(parsed).singleElement().satisfies(l -> assertThat(l.column()).isEqualTo("XM"));
    }

    @Test
    void aGb18030FourByteCharacterInsideAFieldIsRead() throws IOException {
        Charset gb18030 = Charset.forName("GB18030");
        byte[] rare = "\uD842\uDFB7".getBytes(gb18030);
        byte[] line = {rare[0], rare[1], rare[2], rare[3], ' ', '0', '1'};

        List<ParsedLine> parsed = read(new FixedWidthFormat(gb18030, layout(FixedWidthLayout.CutCharacters.REJECT)),
                line);

        assertThat(parsed).singleElement().satisfies(l -> assertThat(l.values()[0]).isEqualTo("\uD842\uDFB7 "));
    }

    @Test
    void aLineOfTheWrongLengthIsAMalformedRecordWithItsLineNumber() throws IOException {
        List<ParsedLine> parsed = read(new FixedWidthFormat(GBK, layout(FixedWidthLayout.CutCharacters.REJECT)),
                cutName(), "AB".getBytes(GBK));

        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(1).line()).isEqualTo(2);
        assertThat(parsed.get(1).problem()).isEqualTo("the line is 2 bytes, the layout needs 7");
    }

    @Test
    void theProjectLayoutLoads() {
        FixedWidthLayout layout = FixedWidthLayout.load(java.nio.file.Path.of(
                "config/layouts/public-security-residents.yaml"));

        assertThat(layout.names()).containsExactly("GMSFHM", "XM", "XB", "CSRQ", "HJXZQH", "ZZ", "LXDH");
        assertThat(layout.minLength()).isEqualTo(116);
    }
}
