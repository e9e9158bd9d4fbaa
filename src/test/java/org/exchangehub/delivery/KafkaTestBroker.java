package org.exchangehub.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * An in-process single-node KRaft broker for a test class, with the settings that keep a round trip fast, and a
 * reader that takes a topic back from the beginning without a consumer group (no rebalance to wait for).
 */
public final class KafkaTestBroker implements AutoCloseable {

    /** Decimals as BigDecimal, as a consumer of the documented schema must read them. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final EmbeddedKafkaKraftBroker broker;

    public KafkaTestBroker(int partitions) {
        quiet("kafka", "org.apache.kafka", "org.apache.zookeeper", "state.change.logger");
        broker = new EmbeddedKafkaKraftBroker(1, partitions);
        broker.brokerProperties(Map.of(
                "group.initial.rebalance.delay.ms", "0",
                "offsets.topic.num.partitions", "1",
                "auto.create.topics.enable", "true",
                "num.partitions", Integer.toString(partitions)));
        broker.afterPropertiesSet();
    }

    public String brokers() {
        return broker.getBrokersAsString();
    }

    /** One record as read back. */
    public record Received(String key, JsonNode value, Map<String, String> headers, int partition, long offset) {
    }

    /** Every record of the topic, in partition then offset order; empty when the topic does not exist. */
    public List<Received> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<Received> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("topic " + topic + " not read to its end within 30 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (Header h : r.headers()) {
                        headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
                    }
                    out.add(new Received(r.key(), json(r.value()), headers, r.partition(), r.offset()));
                }
            }
        }
        return out;
    }

    /** The topic compacted by key, as log compaction or a consumer would: the last record of each key. */
    public Map<String, Received> compacted(String topic) {
        Map<String, Received> latest = new LinkedHashMap<>();
        for (Received r : readAll(topic)) {
            latest.put(r.key(), r);
        }
        return latest;
    }

    private static JsonNode json(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("record value is not JSON", e);
        }
    }

    /** The broker logs every step at INFO; the tests' output keeps only its warnings. */
    private static void quiet(String... loggers) {
        for (String name : loggers) {
            if (org.slf4j.LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logger) {
                logger.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    @Override
    public void close() {
        broker.destroy();
    }
}
