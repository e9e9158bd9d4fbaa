package org.exchangehub.sink.kafka;

/** Some records of a batch were not acknowledged by Kafka; the batch counts as not delivered. */
public final class TopicDeliveryException extends RuntimeException {

    TopicDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
