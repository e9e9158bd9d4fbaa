package org.exchangehub.cluster;

import java.time.Duration;

import org.exchangehub.state.InstanceId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cluster mode ({@code hub.cluster.*}): several hub instances on one state store, each feed led by one of them.
 *
 * @param enabled    off by default: one instance runs every feed (the embedded demo, {@code --once})
 * @param service    the cluster service that elects each feed's leader: {@code jdbc} (Spring Integration's JDBC
 *                   lock registry on the shared state store) or {@code file} (Camel's file lock service on a
 *                   folder every instance shares)
 * @param lease      how long a leader that stopped renewing (killed, paused, cut off) keeps its feeds before another
 *                   instance takes them over
 * @param instanceId this instance's id in the exchange log, the feed MBeans, health and metrics; hostname-pid when
 *                   not given
 * @param fileRoot   the shared folder of the {@code file} service
 */
@ConfigurationProperties("hub.cluster")
public record ClusterProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("jdbc") String service,
        @DefaultValue("15s") Duration lease,
        String instanceId,
        String fileRoot) {

    /** The lease when {@code hub.cluster.lease} is not given (the same as its {@code @DefaultValue}). */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);

    /** The given instance id, or hostname-pid. */
    public String instance() {
        return instanceId == null || instanceId.isBlank() ? InstanceId.ofThisProcess() : instanceId.trim();
    }
}
