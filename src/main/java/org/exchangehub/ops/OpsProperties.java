package org.exchangehub.ops;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operations settings ({@code hub.ops.*}): who may use the console, the exchange log and remote JMX, the remote
 * JMX listener, and how feed health is judged.
 *
 * @param users           the operations users (name, password as {@code {bcrypt}…}, roles operator/viewer)
 * @param demoUser        a user that exists only while {@code hub.demo.enabled=true}; ignored otherwise
 * @param jmx             the remote JMX listener
 * @param health          how feed health is judged
 * @param replayBatchSize records per batch when rejects are replayed
 */
@ConfigurationProperties("hub.ops")
public record OpsProperties(
        @DefaultValue List<User> users,
        User demoUser,
        @DefaultValue Jmx jmx,
        @DefaultValue Health health,
        @DefaultValue("1000") int replayBatchSize) {

    /**
     * An operations user.
     *
     * @param name     the login name
     * @param password the password in Spring Security's encoded form: {@code {bcrypt}$2a$…} (production) or
     *                 {@code {noop}text} (tests and the demo only)
     * @param roles    {@code operator} (console, operations, JMX write) and/or {@code viewer} (read only)
     */
    public record User(String name, Secret password, @DefaultValue List<String> roles) {
    }

    /**
     * The remote JMX connector (jconsole, VisualVM).
     *
     * @param port    the RMI registry port; remote JMX is off when not set
     * @param host    the address to listen on and to put in the RMI stubs; loopback unless opened on purpose
     * @param rmiPort the port of the connector itself; 0 means the same port as the registry
     * @param tls     TLS for the registry and the connector
     */
    public record Jmx(Integer port, @DefaultValue("127.0.0.1") String host, @DefaultValue("0") int rmiPort,
            @DefaultValue Tls tls) {
    }

    /**
     * TLS for remote JMX.
     *
     * @param enabled          whether the registry and the connector speak TLS
     * @param keyStore         the key store holding the server's key and certificate
     * @param keyStorePassword its password
     * @param keyStoreType     PKCS12 or JKS
     * @param clientAuth       whether clients must present a certificate too
     */
    public record Tls(@DefaultValue("false") boolean enabled, Path keyStore, Secret keyStorePassword,
            @DefaultValue("PKCS12") String keyStoreType, @DefaultValue("false") boolean clientAuth) {
    }

    /**
     * How feed health is judged.
     *
     * @param stalePeriods    a feed is DOWN when its last successful run is older than this many periods…
     * @param minMaxAge       …but never less than this
     * @param maxAge          per feed id, the longest time without a successful run (overrides the two above)
     * @param failedRunsDown  a feed is DOWN after this many failed runs in a row
     * @param probeTimeout    how long the source check may take
     * @param unreconciledRunsDown a feed is DOWN after this many unreconciled runs in a row (the source's count and
     *                        the hub's account differ)
     */
    public record Health(@DefaultValue("3") int stalePeriods, @DefaultValue("5m") Duration minMaxAge,
            @DefaultValue Map<String, Duration> maxAge, @DefaultValue("2") int failedRunsDown,
            @DefaultValue("3s") Duration probeTimeout, @DefaultValue("1") int unreconciledRunsDown) {
    }
}
