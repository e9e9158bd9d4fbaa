package org.exchangehub.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.exchangehub.mapping.MappingResult;

/**
 * The file route an engineer would write by hand: {@code file:} (GBK, the file left in place), split the body
 * per line streaming, a bean that parses the CSV line with Commons CSV and calls the hub's
 * {@code RecordMapper.map}, aggregate 5,000, write each group with the lake writer. No file check, no
 * quarantine, no state.
 */
final class FileCamelStage implements Stage {

    private final FileScenario data;
    private final Path lake;

    FileCamelStage(FileScenario data, Path lake) {
        this.data = data;
        this.lake = lake;
    }

    @Override
    public String name() {
        return "typical Camel (file → split lines → bean → aggregate)";
    }

    @Override
    public Outcome run() throws Exception {
        HandWritten hand = new HandWritten(lake, "camel-file", FileScenario.MAPPING, FileScenario.COLUMNS);
        LineBean bean = new LineBean(hand);
        CountDownLatch done = new CountDownLatch(1);
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("lines", bean);
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("file:" + data.drop.toAbsolutePath() + "?noop=true&charset=GBK&fileName="
                            + FileScenario.FILE + "&initialDelay=0")
                            .split(body().tokenize("\n")).streaming()
                                .to("bean:lines?method=map")
                                .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                                    .completionSize(CamelStage.CHUNK)
                                    .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                                    .eagerCheckCompletion()
                                    .to("bean:lines?method=write")
                                .end()
                            .end()
                            .process(e -> done.countDown());
                }
            });
            camel.start();
            if (!done.await(2, TimeUnit.HOURS)) {
                throw new IllegalStateException("the file route did not finish");
            }
            while (bean.written.get() < bean.mapped.get()) {
                Thread.sleep(1);
            }
        }
        return new Outcome(bean.lines.get(), hand.accepted, Sizes.parquetBytes(lake),
                (hand.rejected + bean.malformed.get()) + " rejected (not stored)");
    }

    /** Parses a line, maps it; writes a group. The header line and malformed lines map to null. */
    public static final class LineBean {
        private static final CSVFormat CSV = CSVFormat.DEFAULT;
        private final HandWritten hand;
        final AtomicLong lines = new AtomicLong();
        final AtomicLong mapped = new AtomicLong();
        final AtomicLong written = new AtomicLong();
        final AtomicLong malformed = new AtomicLong();

        LineBean(HandWritten hand) {
            this.hand = hand;
        }

        public MappingResult map(String line, Exchange exchange) throws IOException {
            if (exchange.getProperty(Exchange.SPLIT_INDEX, Integer.class) == 0) {
                return null; // the header
            }
            String text = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if (text.isEmpty()) {
                return null;
            }
            lines.incrementAndGet();
            List<CSVRecord> records = CSVParser.parse(text, CSV).getRecords();
            if (records.size() != 1 || records.get(0).size() != FileScenario.COLUMNS.size()) {
                malformed.incrementAndGet();
                return null;
            }
            mapped.incrementAndGet();
            return hand.map(records.get(0).values());
        }

        public void write(List<MappingResult> group) throws Exception {
            List<MappingResult> results = group.stream().filter(java.util.Objects::nonNull).toList();
            hand.write(results);
            written.addAndGet(results.size());
        }
    }
}
