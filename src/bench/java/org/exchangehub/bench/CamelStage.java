package org.exchangehub.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.aggregate.GroupedBodyAggregationStrategy;
import org.exchangehub.mapping.MappingResult;

/**
 * The route an engineer would write by hand: a {@code sql} select streamed as a list, split per row, a mapping
 * bean calling the hub's {@code RecordMapper.map} per row, aggregate 5,000, write each group with the lake
 * writer. Same fetch size as the hub; no quarantine and no state.
 */
final class CamelStage implements Stage {

    static final int CHUNK = 5000;

    private final DataSource ds;
    private final Path lake;

    CamelStage(DataSource ds, Path lake) {
        this.ds = ds;
        this.lake = lake;
    }

    @Override
    public String name() {
        return "typical Camel (sql StreamList → split → bean → aggregate)";
    }

    @Override
    public Outcome run() throws Exception {
        HandWritten hand = new HandWritten(lake, "camel");
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry().bind("benchDs", ds);
            camel.getRegistry().bind("mapping", new MappingBean(hand));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:run")
                            .to("sql:" + LimitStages.SELECT + "?dataSource=#benchDs&outputType=StreamList"
                                    + "&template.fetchSize=" + LimitStages.FETCH)
                            .split(body()).streaming()
                                .to("bean:mapping?method=map")
                                .aggregate(constant(true), new GroupedBodyAggregationStrategy())
                                    .completionSize(CHUNK)
                                    .completionPredicate(exchangeProperty(Exchange.SPLIT_COMPLETE).isEqualTo(true))
                                    .eagerCheckCompletion()
                                    .to("bean:mapping?method=write")
                                .end()
                            .end();
                }
            });
            camel.start();
            camel.createProducerTemplate().sendBody("direct:run", null);
            // the aggregator hands completed groups to its own thread: wait until every mapped row is written
            MappingBean bean = (MappingBean) camel.getRegistry().lookupByName("mapping");
            while (bean.written.get() < bean.mapped.get()) {
                Thread.onSpinWait();
                Thread.sleep(1);
            }
        }
        return new Outcome(hand.accepted + hand.rejected, hand.accepted, Sizes.parquetBytes(lake),
                hand.rejected + " rejected (not stored)");
    }

    /** The mapping bean: a row map in, the hub's mapping result out; and the writer of a group. */
    public static final class MappingBean {
        private final HandWritten hand;

        MappingBean(HandWritten hand) {
            this.hand = hand;
        }

        final java.util.concurrent.atomic.AtomicLong mapped = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

        public MappingResult map(Map<String, Object> row) {
            mapped.incrementAndGet();
            Object[] values = new Object[HandWritten.COLUMNS.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.get(HandWritten.COLUMNS.get(i).toLowerCase());
            }
            return hand.map(values);
        }

        public void write(List<MappingResult> group) throws Exception {
            hand.write(group);
            written.addAndGet(group.size());
        }
    }
}
