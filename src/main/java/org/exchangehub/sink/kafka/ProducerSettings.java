package org.exchangehub.sink.kafka;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.exchangehub.config.ConfigException;

/**
 * The Kafka producer configuration of a topic sink. The delivery guarantee is fixed here and cannot be
 * weakened by configuration: idempotent producer, {@code acks=all}, at most five requests in flight (which keeps
 * per-partition order with idempotence). Throughput settings and the cluster's SASL/TLS settings are passed
 * through. Equal settings share one producer.
 *
 * @param properties every producer property, as Kafka names them
 */
record ProducerSettings(Map<String, Object> properties) {

    /** Properties the guarantee depends on, with the only values allowed. */
    private static final Map<String, String> FIXED = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    private static final Set<String> NOT_CONFIGURABLE = Set.of(
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    private static final Set<String> COMPRESSION = Set.of("none", "gzip", "snappy", "lz4", "zstd");
    private static final int MAX_IN_FLIGHT_WITH_ORDER = 5;

    ProducerSettings {
        properties = Map.copyOf(properties);
    }

    static ProducerSettings of(String where, TopicEndpoint e) {
        if (e.getBrokers() == null || e.getBrokers().isBlank()) {
            throw new ConfigException(where, "brokers", e.getBrokers(), "the Kafka sink needs the cluster's brokers",
                    "give host:port[,host:port...], e.g. set hub.kafka.brokers");
        }
        String compression = e.getCompressionType() == null ? "" : e.getCompressionType().trim().toLowerCase();
        if (!COMPRESSION.contains(compression)) {
            throw new ConfigException(where, "compressionType", e.getCompressionType(), "unknown compression",
                    "use one of none, gzip, snappy, lz4, zstd");
        }
        positive(where, "lingerMs", e.getLingerMs(), true);
        positive(where, "batchSize", e.getBatchSize(), false);
        positive(where, "deliveryTimeoutMs", e.getDeliveryTimeoutMs(), false);
        positive(where, "requestTimeoutMs", e.getRequestTimeoutMs(), false);
        if (e.getDeliveryTimeoutMs() < e.getRequestTimeoutMs() + e.getLingerMs()) {
            throw new ConfigException(where, "deliveryTimeoutMs", Long.toString(e.getDeliveryTimeoutMs()),
                    "must be at least requestTimeoutMs + lingerMs (" + (e.getRequestTimeoutMs() + e.getLingerMs()) + ")",
                    "raise deliveryTimeoutMs or lower requestTimeoutMs");
        }
        Map<String, Object> p = new TreeMap<>();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, e.getBrokers().trim());
        p.put(CommonClientConfigs.CLIENT_ID_CONFIG, e.getClientId());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, Integer.toString(MAX_IN_FLIGHT_WITH_ORDER));
        p.put(ProducerConfig.RETRIES_CONFIG, Integer.toString(Integer.MAX_VALUE));
        p.put(ProducerConfig.LINGER_MS_CONFIG, Long.toString(e.getLingerMs()));
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(e.getBatchSize()));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compression);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(e.getDeliveryTimeoutMs()));
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(e.getRequestTimeoutMs()));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, e.getSecurityProtocol());
        putIfGiven(p, SaslConfigs.SASL_MECHANISM, e.getSaslMechanism());
        putIfGiven(p, SaslConfigs.SASL_JAAS_CONFIG, e.getSaslJaasConfig());
        putIfGiven(p, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, e.getSslTruststoreLocation());
        putIfGiven(p, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, e.getSslTruststorePassword());
        putIfGiven(p, SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, e.getSslKeystoreLocation());
        putIfGiven(p, SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, e.getSslKeystorePassword());
        putIfGiven(p, SslConfigs.SSL_KEY_PASSWORD_CONFIG, e.getSslKeyPassword());
        putIfGiven(p, SslConfigs.SSL_ENDPOINT_IDENTIFICATION_ALGORITHM_CONFIG,
                e.getSslEndpointIdentificationAlgorithm());
        for (Map.Entry<String, Object> extra : e.getAdditionalProperties().entrySet()) {
            String key = extra.getKey();
            String value = String.valueOf(extra.getValue());
            String fixed = FIXED.get(key);
            if (fixed != null && !fixed.equalsIgnoreCase(value.trim())) {
                throw new ConfigException(where, "additionalProperties." + key, value,
                        "the delivery guarantee needs " + key + "=" + fixed, "remove the property");
            }
            if (NOT_CONFIGURABLE.contains(key)) {
                throw new ConfigException(where, "additionalProperties." + key, value,
                        "the Kafka sink sets " + key + " itself", "remove the property");
            }
            if (key.equals(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION)
                    && parse(where, key, value) > MAX_IN_FLIGHT_WITH_ORDER) {
                throw new ConfigException(where, "additionalProperties." + key, value,
                        "more than " + MAX_IN_FLIGHT_WITH_ORDER + " requests in flight loses per-key order",
                        "use 1 to " + MAX_IN_FLIGHT_WITH_ORDER);
            }
            p.put(key, value);
        }
        return new ProducerSettings(p);
    }

    Properties toProperties() {
        Properties props = new Properties();
        props.putAll(properties);
        return props;
    }

    private static void putIfGiven(Map<String, Object> p, String key, String value) {
        if (value != null && !value.isBlank()) {
            p.put(key, value.trim());
        }
    }

    private static void positive(String where, String key, long value, boolean zeroAllowed) {
        if (value < 0 || (!zeroAllowed && value == 0)) {
            throw new ConfigException(where, key, Long.toString(value),
                    zeroAllowed ? "must not be negative" : "must be positive", "give a positive number");
        }
    }

    private static int parse(String where, String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException ex) {
            throw new ConfigException(where, "additionalProperties." + key, value, "not a number", "give a number");
        }
    }

    /** Secrets are never printed: only the property names. */
    @Override
    public String toString() {
        return "ProducerSettings" + properties.keySet();
    }
}
