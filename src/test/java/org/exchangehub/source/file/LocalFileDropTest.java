package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchangehub.source.file.Persons.CHEN;
import static org.exchangehub.source.file.Persons.HEADER;
import static org.exchangehub.source.file.Persons.LIN;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import org.exchangehub.state.RunRecord;
import org.junit.jupiter.api.Test;

/** The file-drop source on a local folder: charsets, completeness rules and XML. */
class LocalFileDropTest extends LocalDropHubTest {

    /** 𠮷 (U+20BB7), a name character outside the BMP: four bytes in GB18030, not in GBK at all. */
    private static final String RARE_NAME = "\uD842\uDFB7祥";

    private String uri(String extra) {
        return "file-drop:file?directory=" + drop + extra;
    }

    @Test
    void aGb18030FourByteCharacterArrivesIntactInTheLake() throws Exception {
        byte[] encoded = RARE_NAME.getBytes(Persons.GB18030);
        assertThat(encoded).hasSize(6); // four bytes for 𠮷, two for 祥
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN + "," + RARE_NAME + ",男,,350102,,\n", Persons.GB18030);
        hub.start(uri("&format=csv&charset=GB18030"));

        hub.run();

        assertThat(hub.lake()).singleElement().satisfies(r -> assertThat(r.get("name")).isEqualTo(RARE_NAME));
    }

    @Test
    void aQuotedLastFieldHoldingALoneCarriageReturnIsDeliveredAndTheNextRecordStaysItsOwn() throws Exception {
        // FastCSV alone merged these two lines into one record of 13 fields, quarantined as malformed
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN + ",陈志明,男,,350102,福州市,\"13950001234\r\"\n" + LIN
                + ",林秀英,女,,350203,厦门市,\n", Persons.GBK);
        hub.start(uri("&format=csv&charset=GBK"));

        RunRecord run = hub.run();

        assertThat(run.rowsRejected()).isZero();
        assertThat(hub.lake()).extracting(r -> r.get("name"), r -> r.get("phone"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("陈志明", "13950001234"),
                        org.assertj.core.groups.Tuple.tuple("林秀英", null));
    }

    @Test
    void aUtf8ByteOrderMarkIsNotPartOfTheFirstColumnName() throws Exception {
        Persons.drop(drop, "a.csv", "\uFEFF" + HEADER + "\n" + CHEN + ",陈志明,男,,350102,,\n", StandardCharsets.UTF_8);
        hub.start(uri("&format=csv&charset=UTF-8"));

        hub.run();

        assertThat(hub.lake()).singleElement().satisfies(r -> assertThat(r.get("id_number")).isEqualTo(CHEN));
    }

    @Test
    void withRenameTemporaryNamesAreIgnoredAndTheRenamedFileIsRead() throws Exception {
        String csv = HEADER + "\n" + CHEN + ",陈志明,男,,350102,,\n";
        Persons.write(drop.resolve("a.csv.part"), csv, Persons.GBK);
        hub.start(uri("&format=csv&charset=GBK&readyWhen=rename"));

        assertThat(hub.run().rowsRead()).isZero();
        Files.move(drop.resolve("a.csv.part"), drop.resolve("a.csv"));
        assertThat(hub.run().rowsRead()).isEqualTo(1);
    }

    @Test
    void withStableAFileIsReadOnlyOnceItsSizeHeldForAPollAndItIsOldEnough() throws Exception {
        Path file = drop.resolve("a.csv");
        Persons.write(file, HEADER + "\n" + CHEN + ",陈志明,男,,350102,,\n", Persons.GBK);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(600)));
        hub.start(uri("&format=csv&charset=GBK&readyWhen=stable&minAge=5m"));

        RunRecord first = hub.run(); // first sight: size not yet seen twice
        RunRecord second = hub.run();

        assertThat(first.rowsRead()).isZero();
        assertThat(second.rowsRead()).isEqualTo(1);
    }

    @Test
    void withStableAFileChangedWithinTheMinimumAgeIsNotRead() throws Exception {
        Persons.write(drop.resolve("a.csv"), HEADER + "\n" + CHEN + ",陈志明,男,,350102,,\n", Persons.GBK);
        hub.start(uri("&format=csv&charset=GBK&readyWhen=stable&minAge=5m"));

        hub.run();

        assertThat(hub.run().rowsRead()).isZero();
    }

    @Test
    void xmlRecordsAreMatchedByNamespaceAndLocalName() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="GBK"?>
                <hj:export xmlns:hj="urn:fj:gat:hukou" xmlns:other="urn:other">
                  <other:person><GMSFHM>%s</GMSFHM><XM>不是我</XM></other:person>
                  <hj:person XB="男">
                    <hj:GMSFHM>%s</hj:GMSFHM>
                    <hj:XM><![CDATA[陈志明]]></hj:XM>
                    <hj:HJXZQH>350102</hj:HJXZQH>
                  </hj:person>
                </hj:export>
                """.formatted(CHEN, CHEN);
        Persons.drop(drop, "a.xml", xml, Persons.GBK);
        hub.start(uri("&format=xml&charset=GBK&recordElement=person&recordNamespace=urn:fj:gat:hukou"
                + "&columns=GMSFHM,XM,@XB,CSRQ,HJXZQH,ZZ,LXDH"));

        hub.run();

        assertThat(hub.lake()).singleElement().satisfies(r -> assertThat(r).containsAllEntriesOf(Map.of(
                "id_number", CHEN, "name", "陈志明", "sex_code", "1", "_source_key", "a.xml:4")));
    }

    @Test
    void anXmlFileWithADtdIsSetAsideAndNoEntityIsResolved() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "secret");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<export><person><GMSFHM>" + CHEN + "</GMSFHM><XM>&e;</XM></person></export>\n";
        Persons.drop(drop, "a.xml", xml, StandardCharsets.UTF_8);
        hub.start(uri("&format=xml&recordElement=person&columns=GMSFHM,XM"));

        hub.run();

        assertThat(hub.lakeCount()).isZero();
        assertThat(Files.readString(drop.resolve("error/a.xml.report.txt"))).contains("verdict:  REFUSED")
                .doesNotContain("secret");
    }
}
