package org.exchangehub.sink.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The Kafka producers of the component, one per distinct settings, created on first use: a sink that is
 * configured but never sent to (e.g. switched off in the demo) opens no connection.
 */
final class KafkaProducers implements AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Map<ProducerSettings, Producer<String, byte[]>> producers = new ConcurrentHashMap<>();

    Producer<String, byte[]> get(ProducerSettings settings) {
        return producers.computeIfAbsent(settings, s -> new KafkaProducer<>(s.toProperties()));
    }

    /** Closes every producer, waiting for records in flight; a batch not acknowledged by then was never confirmed. */
    @Override
    public void close() {
        producers.values().forEach(p -> p.close(CLOSE_TIMEOUT));
        producers.clear();
    }
}
