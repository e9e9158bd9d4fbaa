package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.exchangehub.source.file.Persons.CHEN;
import static org.exchangehub.source.file.Persons.HEADER;
import static org.exchangehub.source.file.Persons.LIN;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.exchangehub.feed.SourceLayout;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/**
 * A file is parsed once: its check keeps each parsed record in a spool file in the work folder, the delivery reads
 * them back from there, and the spool is gone once the file is done with, delivered or not.
 */
class RecordSpoolTest extends LocalDropHubTest {

    @Test
    void recordsComeBackAsTheyWereParsedTextNullsLinesAndMalformedLines() throws IOException {
        String large = "界".repeat(400_000) + "x"; // 1.2 MB as UTF-8, past any buffer
        List<ParsedLine> added = List.of(ParsedLine.ok(2, new Object[] {"陈志明", null, "", large}),
                ParsedLine.malformed(3, "line", "3 fields where 4 are expected", "a,\"b,c"),
                ParsedLine.ok(5, new Object[] {"${x}", "'; DROP TABLE t;--", "\u0000", "\uD842\uDFB7祥"}));
        List<ParsedLine> back = new ArrayList<>();
        try (RecordSpool spool = RecordSpool.create(tmp.resolve("work"))) {
            spool.layout(new SourceLayout(List.of("a", "b", "c", "d")));
            for (ParsedLine line : added) {
                spool.add(line);
            }
            try (RecordReader reader = spool.reader()) {
                assertThat(reader.layout().columns()).containsExactly("a", "b", "c", "d");
                for (ParsedLine line = reader.next(); line != null; line = reader.next()) {
                    back.add(line);
                }
            }
        }
        assertThat(back).hasSize(3);
        assertThat(back.get(0).line()).isEqualTo(2);
        assertThat(back.get(0).values()).containsExactly("陈志明", null, "", large);
        assertThat(back.get(1)).isEqualTo(added.get(1));
        assertThat(back.get(2).values()).containsExactly(added.get(2).values());
    }

    @Test
    void theSpoolIsDeletedWithTheSpoolObject() throws IOException {
        Path work = tmp.resolve("work");
        try (RecordSpool spool = RecordSpool.create(work)) {
            spool.add(ParsedLine.ok(1, new Object[] {"a"}));
            assertThat(spoolFiles(work)).hasSize(1);
        }
        assertThat(spoolFiles(work)).isEmpty();
    }

    @Test
    void manyRecordsAcrossTheBufferComeBackInOrder() throws IOException {
        try (RecordSpool spool = RecordSpool.create(tmp.resolve("work"))) {
            for (int i = 0; i < 100_000; i++) {
                spool.add(ParsedLine.ok(i + 2, new Object[] {"林秀英" + i, i % 7 == 0 ? null : "350203" + i}));
            }
            try (RecordReader reader = spool.reader()) {
                for (int i = 0; i < 100_000; i++) {
                    ParsedLine line = reader.next();
                    assertThat(line.line()).isEqualTo(i + 2);
                    assertThat(line.values()).containsExactly("林秀英" + i, i % 7 == 0 ? null : "350203" + i);
                }
                assertThat(reader.next()).isNull();
            }
        }
    }

    @Test
    void aDeliveredFileLeavesNoSpoolInTheWorkFolder() throws Exception {
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN + ",陈志明,男,,350102,,\n" + LIN + ",林秀英,女,,350203,,\n",
                Persons.GBK);
        hub.start(uri("&batchSize=1"));

        assertThat(hub.run().rowsDelivered()).isEqualTo(2);
        assertThat(hub.lake()).extracting(r -> r.get("name")).containsExactly("陈志明", "林秀英");
        assertThat(spoolFiles(tmp.resolve("work"))).isEmpty();
    }

    @Test
    void aFileSetAsideLeavesNoSpoolInTheWorkFolder() throws Exception {
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN + ",陈志明\n" + LIN + ",林秀英\n", Persons.GBK);
        hub.start(uri(""));

        assertThat(hub.run().rowsDelivered()).isZero();
        assertThat(Files.exists(drop.resolve("error/a.csv.report.txt"))).isTrue();
        assertThat(spoolFiles(tmp.resolve("work"))).isEmpty();
    }

    @Test
    void aRunThatFailsMidFileLeavesNoSpoolAndTheFileIsReadAgainWhole() throws Exception {
        Persons.drop(drop, "a.csv", HEADER + "\n" + CHEN + ",陈志明,男,,350102,,\n" + LIN + ",林秀英,女,,350203,,\n",
                Persons.GBK);
        hub.start(uri("&batchSize=1"), exchange -> {
            if (exchange.getIn().getBody(org.exchangehub.feed.Batch.class).index() == 1) {
                throw new IllegalStateException("the lake is down");
            }
        });

        assertThat(hub.run().status()).isEqualTo(RunStatus.FAILED);
        assertThat(spoolFiles(tmp.resolve("work"))).isEmpty();
        hub.start(uri("&batchSize=1"));
        assertThat(hub.run().rowsDelivered()).isEqualTo(2);
    }

    private String uri(String extra) {
        return "file-drop:file?directory=" + drop + "&format=csv&charset=GBK&workDirectory=" + tmp.resolve("work")
                + extra;
    }

    private static List<Path> spoolFiles(Path work) throws IOException {
        if (!Files.exists(work)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(work)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".spool")).toList();
        }
    }
}
