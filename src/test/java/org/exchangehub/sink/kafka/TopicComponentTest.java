package org.exchangehub.sink.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exchangehub.delivery.DeliveryTestData.LEGAL_ENTITY;
import static org.exchangehub.delivery.DeliveryTestData.batch;
import static org.exchangehub.delivery.DeliveryTestData.legalEntities;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.exchangehub.config.ConfigException;
import org.exchangehub.delivery.KafkaTestBroker;
import org.exchangehub.feed.FeedProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code topic:} sink against an in-process KRaft broker, shared by the class; each test has its own topic. */
class TopicComponentTest {

    private static KafkaTestBroker kafka;

    private CamelContext camel;

    @BeforeAll
    static void startBroker() {
        kafka = new KafkaTestBroker(3);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @BeforeEach
    void startCamel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stopCamel() {
        camel.stop();
    }

    private Exchange send(String topic, String runId, int index, Object[][] rows) {
        return camel.createProducerTemplate().send("topic:legal_entity?brokers=" + kafka.brokers() + "&topic=" + topic,
                e -> e.getIn().setBody(batch(LEGAL_ENTITY, runId, index, rows)));
    }

    @Test
    void everyRecordIsPublishedKeyedByBusinessKeyWithTheRunIdHeader() {
        Exchange exchange = send("t1.{dataset}", "r1", 0, legalEntities());

        assertThat(exchange.getException()).isNull();
        List<KafkaTestBroker.Received> records = kafka.readAll("t1.legal_entity");
        assertThat(records).extracting(KafkaTestBroker.Received::key).containsExactlyInAnyOrder(
                "91350100M000100Y43", "91350200MA2XN5YP8K", "91350100MA34C8GT1C");
        assertThat(records).allSatisfy(r -> assertThat(r.headers())
                .containsEntry(TopicComponent.RUN_ID_HEADER, "r1")
                .containsEntry(TopicComponent.DATASET_HEADER, "legal_entity"));
    }

    @Test
    void valueIsTheUnifiedRecordWithLineageFieldsInSchemaOrder() {
        send("t2", "r1", 0, legalEntities());

        JsonNode value = kafka.compacted("t2").get("91350100MA34C8GT1C").value();
        List<String> names = new java.util.ArrayList<>();
        value.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("uscc", "name", "legal_rep_name", "registered_capital_cny",
                "established_date", "division_code", "status_code",
                "_dataset", "_source", "_source_key", "_run_id", "_extracted_at", "_record_hash", "_change_time");
        assertThat(value.get("registered_capital_cny").decimalValue())
                .isEqualByComparingTo(new BigDecimal("123456789012345678.99"));
        assertThat(value.get("established_date").asText()).isEqualTo(LocalDate.of(1998, 12, 31).toString());
        assertThat(value.get("division_code").isNull()).isTrue();
        assertThat(value.get("_dataset").asText()).isEqualTo("legal_entity");
        assertThat(value.get("_source").asText()).isEqualTo("market-regulation");
        assertThat(value.get("_source_key").asText()).isEqualTo("src-91350100MA34C8GT1C");
        assertThat(value.get("_run_id").asText()).isEqualTo("r1");
        assertThat(value.get("_extracted_at").asText()).isEqualTo("2026-11-02T17:30:15.123456Z");
        assertThat(value.get("_record_hash").asText()).hasSize(64);
    }

    @Test
    void redeliveredBatchLeavesOneRecordPerKeyAfterCompactionWithTheSameHash() {
        send("t3", "r1", 0, legalEntities());
        send("t3", "r2", 0, legalEntities());

        assertThat(kafka.readAll("t3")).hasSize(6);
        Map<String, KafkaTestBroker.Received> compacted = kafka.compacted("t3");
        assertThat(compacted).hasSize(3);
        assertThat(kafka.readAll("t3")).allSatisfy(r -> assertThat(r.value().get("_record_hash"))
                .isEqualTo(compacted.get(r.key()).value().get("_record_hash")));
    }

    @Test
    void receiptNamesTheTopicRecordsAndOffsets() {
        Exchange exchange = send("t4", "r1", 0, legalEntities());

        @SuppressWarnings("unchecked")
        List<Object> receipts = exchange.getProperty(FeedProperties.RECEIPTS, List.class);
        assertThat(receipts).singleElement().isInstanceOfSatisfying(TopicDelivery.class, d -> {
            assertThat(d.topic()).isEqualTo("t4");
            assertThat(d.records()).isEqualTo(3);
            assertThat(d.offsets()).extracting(o -> o.last() - o.first() + 1).asList()
                    .satisfies(counts -> assertThat(counts.stream().mapToLong(c -> (Long) c).sum()).isEqualTo(3));
        });
    }

    @Test
    void emptyBatchPublishesNothingAndAddsNoReceipt() {
        Exchange exchange = send("t5", "r1", 0, new Object[0][]);

        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getProperty(FeedProperties.RECEIPTS)).isNull();
    }

    @Test
    void unreachableClusterFailsTheExchangeOnceDeliveryTimesOut() {
        Exchange exchange = camel.createProducerTemplate().send("topic:legal_entity?brokers=127.0.0.1:1"
                        + "&deliveryTimeoutMs=1500&requestTimeoutMs=1000&lingerMs=0"
                        + "&additionalProperties.max.block.ms=1000",
                e -> e.getIn().setBody(batch(LEGAL_ENTITY, "r1", 0, legalEntities())));

        assertThat(exchange.getException()).isNotNull();
    }

    @Test
    void producerIsIdempotentWithAcksAll() {
        TopicEndpoint endpoint = camel.getEndpoint("topic:x?brokers=b:9092", TopicEndpoint.class);

        assertThat(endpoint.settings().properties())
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("max.in.flight.requests.per.connection", "5")
                .containsEntry("linger.ms", "20")
                .containsEntry("compression.type", "zstd");
    }

    @Test
    void saslAndTlsSettingsArePassedThrough() {
        TopicEndpoint endpoint = camel.getEndpoint("topic:x?brokers=b:9093&securityProtocol=SASL_SSL"
                + "&saslMechanism=SCRAM-SHA-512&saslJaasConfig=RAW(org.apache.kafka.common.security.scram."
                + "ScramLoginModule required username=\"hub\" password=\"p&ss\";)"
                + "&sslTruststoreLocation=/etc/hub/ca.p12&sslTruststorePassword=RAW(s3cret)"
                + "&additionalProperties.ssl.truststore.type=PKCS12", TopicEndpoint.class);

        assertThat(endpoint.settings().properties())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config",
                        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"hub\""
                                + " password=\"p&ss\";")
                .containsEntry("ssl.truststore.location", "/etc/hub/ca.p12")
                .containsEntry("ssl.truststore.password", "s3cret")
                .containsEntry("ssl.truststore.type", "PKCS12");
        assertThat(endpoint.settings().toString()).doesNotContain("s3cret").doesNotContain("p&ss");
    }

    @Test
    void weakeningAcksFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("topic:x?brokers=b:9092&additionalProperties.acks=1"))
                .rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("additionalProperties.acks = '1': the delivery guarantee needs acks=all");
    }

    @Test
    void missingBrokersFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("topic:x"))
                .rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("brokers").hasMessageContaining("hub.kafka.brokers");
    }

    @Test
    void invalidTopicNameFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("topic:x?brokers=b:9092&topic=a b"))
                .rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("not a valid Kafka topic name");
    }

    @Test
    void unknownCompressionFailsAtEndpointCreation() {
        assertThatThrownBy(() -> camel.getEndpoint("topic:x?brokers=b:9092&compressionType=brotli"))
                .rootCause().isInstanceOf(ConfigException.class)
                .hasMessageContaining("compressionType = 'brotli': unknown compression");
    }
}
