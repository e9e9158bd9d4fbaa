package org.exchangehub.sink.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.config.ConfigException;

/**
 * A Kafka sink endpoint, {@code topic:name?brokers=...}: publishes each unified record of a batch to the
 * dataset's topic, keyed by business key, and returns only when every record is acknowledged by all in-sync
 * replicas. Options are declared and described here once.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "topic", title = "Exchange Hub Kafka topic sink", syntax = "topic:name",
        producerOnly = true, category = { Category.MESSAGING })
public final class TopicEndpoint extends DefaultEndpoint {

    /** Placeholder in {@link #topic} replaced by the batch's dataset name. */
    public static final String DATASET_PLACEHOLDER = "{dataset}";
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    @UriPath(description = "A name for this sink, conventionally the dataset it delivers; it labels the endpoint only.")
    @Metadata(required = true)
    private String name;

    @UriParam(description = "Bootstrap servers of the Kafka cluster, host:port[,host:port...].")
    @Metadata(required = true)
    private String brokers;

    @UriParam(defaultValue = "exchangehub.{dataset}.v1", description = "The topic name; {dataset} is replaced by the"
            + " batch's dataset (e.g. exchangehub.legal_entity.v1). The .v1 names the unified schema version, so an"
            + " incompatible schema gets a new topic.")
    private String topic = "exchangehub." + DATASET_PLACEHOLDER + ".v1";

    @UriParam(defaultValue = "exchange-hub", description = "The producer's client.id, shown in broker logs and quotas.")
    private String clientId = "exchange-hub";

    @UriParam(label = "producer,advanced", defaultValue = "20", description = "linger.ms: how long the producer waits"
            + " to fill a batch; a little latency buys much fewer, larger requests.")
    private long lingerMs = 20;

    @UriParam(label = "producer,advanced", defaultValue = "262144", description = "batch.size: bytes per partition"
            + " batch.")
    private int batchSize = 256 * 1024;

    @UriParam(label = "producer", defaultValue = "zstd", enums = "none,gzip,snappy,lz4,zstd",
            description = "compression.type of the record batches.")
    private String compressionType = "zstd";

    @UriParam(label = "producer,advanced", defaultValue = "120000", description = "delivery.timeout.ms: how long a"
            + " record may take to be acknowledged, retries included, before the batch fails.")
    private long deliveryTimeoutMs = 120_000;

    @UriParam(label = "producer,advanced", defaultValue = "30000", description = "request.timeout.ms of one request.")
    private long requestTimeoutMs = 30_000;

    @UriParam(label = "security", defaultValue = "PLAINTEXT", enums = "PLAINTEXT,SSL,SASL_PLAINTEXT,SASL_SSL",
            description = "security.protocol of the connection to the brokers.")
    private String securityProtocol = "PLAINTEXT";

    @UriParam(label = "security", description = "sasl.mechanism, e.g. SCRAM-SHA-512, PLAIN or GSSAPI.")
    private String saslMechanism;

    @UriParam(label = "security", secret = true, description = "sasl.jaas.config: the login module and credentials.")
    private String saslJaasConfig;

    @UriParam(label = "security", description = "ssl.truststore.location: the trust store holding the cluster's CA.")
    private String sslTruststoreLocation;

    @UriParam(label = "security", secret = true, description = "ssl.truststore.password.")
    private String sslTruststorePassword;

    @UriParam(label = "security", description = "ssl.keystore.location, for mutual TLS.")
    private String sslKeystoreLocation;

    @UriParam(label = "security", secret = true, description = "ssl.keystore.password.")
    private String sslKeystorePassword;

    @UriParam(label = "security", secret = true, description = "ssl.key.password.")
    private String sslKeyPassword;

    @UriParam(label = "security", description = "ssl.endpoint.identification.algorithm (https by default, which checks the"
            + " brokers' host names).")
    private String sslEndpointIdentificationAlgorithm;

    @UriParam(label = "producer,advanced", prefix = "additionalProperties.", multiValue = true,
            description = "Any other producer property, e.g. additionalProperties.max.request.size=2097152. acks and"
                    + " enable.idempotence cannot be weakened.")
    private Map<String, Object> additionalProperties = new HashMap<>();

    private volatile ProducerSettings settings;

    public TopicEndpoint(String uri, TopicComponent component) {
        super(uri, component);
    }

    @Override
    public TopicComponent getComponent() {
        return (TopicComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new TopicProducer(this, getComponent().producers(), settings());
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("The topic endpoint " + getEndpointUri()
                + " only writes: use it in to(), not from()");
    }

    /** Validates the options; throws a {@link ConfigException} naming a bad one. */
    ProducerSettings settings() {
        ProducerSettings s = settings;
        if (s == null) {
            if (topic == null || !TOPIC_NAME.matcher(topic.replace(DATASET_PLACEHOLDER, "x")).matches()) {
                throw new ConfigException(getEndpointUri(), "topic", topic, "not a valid Kafka topic name",
                        "use letters, digits, '.', '_' and '-', with {dataset} where the dataset name goes");
            }
            s = ProducerSettings.of(getEndpointUri(), this);
            settings = s;
        }
        return s;
    }

    /** The topic of a dataset. */
    String topicFor(Dataset dataset) {
        return topic.replace(DATASET_PLACEHOLDER, dataset.name());
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getBrokers() {
        return brokers;
    }

    public void setBrokers(String brokers) {
        this.brokers = brokers;
    }

    public String getTopic() {
        return topic;
    }

    public void setTopic(String topic) {
        this.topic = topic;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public long getLingerMs() {
        return lingerMs;
    }

    public void setLingerMs(long lingerMs) {
        this.lingerMs = lingerMs;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public String getCompressionType() {
        return compressionType;
    }

    public void setCompressionType(String compressionType) {
        this.compressionType = compressionType;
    }

    public long getDeliveryTimeoutMs() {
        return deliveryTimeoutMs;
    }

    public void setDeliveryTimeoutMs(long deliveryTimeoutMs) {
        this.deliveryTimeoutMs = deliveryTimeoutMs;
    }

    public long getRequestTimeoutMs() {
        return requestTimeoutMs;
    }

    public void setRequestTimeoutMs(long requestTimeoutMs) {
        this.requestTimeoutMs = requestTimeoutMs;
    }

    public String getSecurityProtocol() {
        return securityProtocol;
    }

    public void setSecurityProtocol(String securityProtocol) {
        this.securityProtocol = securityProtocol;
    }

    public String getSaslMechanism() {
        return saslMechanism;
    }

    public void setSaslMechanism(String saslMechanism) {
        this.saslMechanism = saslMechanism;
    }

    public String getSaslJaasConfig() {
        return saslJaasConfig;
    }

    public void setSaslJaasConfig(String saslJaasConfig) {
        this.saslJaasConfig = saslJaasConfig;
    }

    public String getSslTruststoreLocation() {
        return sslTruststoreLocation;
    }

    public void setSslTruststoreLocation(String sslTruststoreLocation) {
        this.sslTruststoreLocation = sslTruststoreLocation;
    }

    public String getSslTruststorePassword() {
        return sslTruststorePassword;
    }

    public void setSslTruststorePassword(String sslTruststorePassword) {
        this.sslTruststorePassword = sslTruststorePassword;
    }

    public String getSslKeystoreLocation() {
        return sslKeystoreLocation;
    }

    public void setSslKeystoreLocation(String sslKeystoreLocation) {
        this.sslKeystoreLocation = sslKeystoreLocation;
    }

    public String getSslKeystorePassword() {
        return sslKeystorePassword;
    }

    public void setSslKeystorePassword(String sslKeystorePassword) {
        this.sslKeystorePassword = sslKeystorePassword;
    }

    public String getSslKeyPassword() {
        return sslKeyPassword;
    }

    public void setSslKeyPassword(String sslKeyPassword) {
        this.sslKeyPassword = sslKeyPassword;
    }

    public String getSslEndpointIdentificationAlgorithm() {
        return sslEndpointIdentificationAlgorithm;
    }

    public void setSslEndpointIdentificationAlgorithm(String sslEndpointIdentificationAlgorithm) {
        this.sslEndpointIdentificationAlgorithm = sslEndpointIdentificationAlgorithm;
    }

    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    public void setAdditionalProperties(Map<String, Object> additionalProperties) {
        this.additionalProperties = additionalProperties;
    }
}
