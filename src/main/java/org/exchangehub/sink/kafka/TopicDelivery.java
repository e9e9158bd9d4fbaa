package org.exchangehub.sink.kafka;

import java.util.List;

/**
 * What the Kafka sink delivered for one batch, added to the exchange's receipts: every record acknowledged
 * by all in-sync replicas, with the offsets they got.
 *
 * @param sink    always {@code kafka}
 * @param topic   the topic written
 * @param records records acknowledged
 * @param offsets per partition, the first and last offset written
 */
public record TopicDelivery(String sink, String topic, int records, List<PartitionOffsets> offsets) {

    public TopicDelivery {
        offsets = List.copyOf(offsets);
    }

    /** The offsets one batch got in one partition. */
    public record PartitionOffsets(int partition, long first, long last) {
    }
}
