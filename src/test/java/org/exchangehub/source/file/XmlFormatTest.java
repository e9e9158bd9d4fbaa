package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class XmlFormatTest {

    private static List<ParsedLine> read(XmlFormat format, String xml) throws IOException {
        List<ParsedLine> lines = new ArrayList<>();
        try (RecordReader r = format.open(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))) {
            ParsedLine l;
            while ((l = r.next()) != null) {
                lines.add(l);
            }
        }
        return lines;
    }

    @Test
    void recordsInTheConfiguredNamespaceOnlyAreRead() throws IOException {
        XmlFormat format = new XmlFormat(StandardCharsets.UTF_8, "urn:a", "p", List.of("XM", "@id"));
        List<ParsedLine> lines = read(format, "<r xmlns:a=\"urn:a\">\n<p><XM>x</XM></p>\n<a:p id=\"7\">\n<a:XM>陈</a:XM></a:p></r>");

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.values()).containsExactly("陈", "7");
            assertThat(l.line()).isEqualTo(3);
        });
    }

    @Test
    void aRepeatedColumnElementIsAMalformedRecord() throws IOException {
        XmlFormat format = new XmlFormat(StandardCharsets.UTF_8, "", "p", List.of("XM"));
        List<ParsedLine> lines = read(format, "<r><p><XM>a</XM><XM>b</XM></p></r>");

        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.isMalformed()).isTrue();
            assertThat(l.column()).isEqualTo("XM");
        });
    }

    @Test
    void aDocumentEndingBeforeItsRootClosesIsTruncated() {
        XmlFormat format = new XmlFormat(StandardCharsets.UTF_8, "", "p", List.of("XM"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(format, "<r><p><XM>a</XM></p><p><XM>b"))
                .isInstanceOfSatisfying(BadFileException.class, e -> assertThat(e.verdict()).isEqualTo("TRUNCATED"));
    }
}
