package org.exchangehub.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.support.cluster.AbstractCamelClusterView;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.DefaultCandidate;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * One namespace of {@link JdbcLockClusterService}: Spring Integration's {@link LockRegistryLeaderInitiator} keeps
 * trying the namespace's lock and renews it while held; its grants and revocations are this view's leadership
 * events, which {@code ClusteredRoutePolicy} turns into starting and stopping the feed's routes.
 */
final class JdbcLockClusterView extends AbstractCamelClusterView {

    private final LockRegistryLeaderInitiator initiator;
    private final Member local;

    JdbcLockClusterView(JdbcLockClusterService service, String namespace, LockRegistry locks, Duration heartbeat,
            String instanceId) {
        super(service, namespace);
        this.local = new Member(instanceId);
        this.initiator = new LockRegistryLeaderInitiator(locks, new DefaultCandidate(instanceId, namespace) {
            @Override
            public void onGranted(Context context) {
                local.leading.set(true);
                fireLeadershipChangedEvent(local);
            }

            @Override
            public void onRevoked(Context context) {
                local.leading.set(false);
                fireLeadershipChangedEvent(Optional.empty());
            }
        });
        initiator.setHeartBeatMillis(heartbeat.toMillis());
        initiator.setBusyWaitMillis(Math.max(50, heartbeat.toMillis() / 2));
        initiator.setAutoStartup(false);
    }

    @Override
    public Optional<CamelClusterMember> getLeader() {
        return local.isLeader() ? Optional.of(local) : Optional.empty();
    }

    @Override
    public CamelClusterMember getLocalMember() {
        return local;
    }

    @Override
    public List<CamelClusterMember> getMembers() {
        return List.of(local);
    }

    @Override
    protected void doStart() {
        initiator.start();
    }

    @Override
    protected void doStop() throws Exception {
        initiator.destroy();
    }

    /** This instance in the namespace; the lock registry tells only whether it leads, not who else does. */
    private record Member(String id, AtomicBoolean leading) implements CamelClusterMember {

        Member(String id) {
            this(id, new AtomicBoolean());
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public boolean isLeader() {
            return leading.get();
        }

        /** Always: a view sees only its own instance. */
        @Override
        public boolean isLocal() {
            return true;
        }
    }
}
