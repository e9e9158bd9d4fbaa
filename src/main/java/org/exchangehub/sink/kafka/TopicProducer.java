package org.exchangehub.sink.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedProperties;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * Sends every unified record of the exchange's {@link Batch} and waits until each one is acknowledged; only then
 * does the exchange go on (and the source commit). If any record fails, the exchange fails and the whole batch is
 * sent again on the next run: harmless, because the records carry their business key and consumers compact by it.
 */
final class TopicProducer extends DefaultProducer {

    private final TopicEndpoint endpoint;
    private final KafkaProducers producers;
    private final ProducerSettings settings;
    private final Map<Dataset, RecordJson> encoders = new ConcurrentHashMap<>();

    TopicProducer(TopicEndpoint endpoint, KafkaProducers producers, ProducerSettings settings) {
        super(endpoint);
        this.endpoint = endpoint;
        this.producers = producers;
        this.settings = settings;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (DryRun.isDryRun(exchange)) {
            return; // a dry run delivers nothing
        }
        Batch batch = exchange.getIn().getMandatoryBody(Batch.class);
        List<UnifiedRecord> records = batch.unified();
        if (records.isEmpty()) {
            return;
        }
        Dataset dataset = batch.dataset();
        RecordJson json = encoders.computeIfAbsent(dataset, RecordJson::new);
        RecordJson.Lineage lineage = json.lineage(batch);
        String topic = endpoint.topicFor(dataset);
        List<Header> headers = List.of(
                new RecordHeader(TopicComponent.RUN_ID_HEADER, batch.runId().getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(TopicComponent.DATASET_HEADER, dataset.name().getBytes(StandardCharsets.UTF_8)));
        Producer<String, byte[]> producer = producers.get(settings);
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (UnifiedRecord record : records) {
            acks.add(producer.send(new ProducerRecord<>(topic, null, record.businessKey(), json.write(record, lineage),
                    headers)));
        }
        producer.flush(); // send now rather than after linger.ms: the route waits for this batch
        Map<Integer, long[]> offsets = new TreeMap<>();
        int failed = 0;
        Throwable firstFailure = null;
        for (Future<RecordMetadata> ack : acks) {
            try {
                RecordMetadata m = ack.get();
                offsets.merge(m.partition(), new long[] {m.offset(), m.offset()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            } catch (ExecutionException e) {
                failed++;
                if (firstFailure == null) {
                    firstFailure = e.getCause();
                }
            }
        }
        if (failed > 0) {
            throw new TopicDeliveryException(failed + " of " + records.size() + " records of batch " + batch.index()
                    + " of run " + batch.runId() + " were not acknowledged by topic " + topic, firstFailure);
        }
        List<TopicDelivery.PartitionOffsets> ranges = new ArrayList<>(offsets.size());
        offsets.forEach((partition, range) -> ranges.add(new TopicDelivery.PartitionOffsets(partition, range[0],
                range[1])));
        receipts(exchange).add(new TopicDelivery("kafka", topic, records.size(), ranges));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> receipts(Exchange exchange) {
        List<Object> list = exchange.getProperty(FeedProperties.RECEIPTS, List.class);
        if (list == null) {
            list = new ArrayList<>();
            exchange.setProperty(FeedProperties.RECEIPTS, list);
        }
        return list;
    }
}
