package org.exchangehub.cluster;

import java.time.Duration;

import javax.sql.DataSource;

import org.apache.camel.support.cluster.AbstractCamelClusterService;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.jdbc.support.JdbcTransactionManager;

/**
 * A Camel cluster service over Spring Integration's {@link JdbcLockRegistry}: a namespace's leader is the instance
 * holding its lock in {@code INT_LOCK} of the shared state store; a lock not renewed for {@code lease} expires and
 * another instance takes it. Each namespace (a feed) is elected on its own, so feeds spread over the instances.
 */
public final class JdbcLockClusterService extends AbstractCamelClusterService<JdbcLockClusterView> {

    static final String REGION = "exchange-hub";

    private final DefaultLockRepository repository;
    private final JdbcLockRegistry registry;
    private final Duration lease;
    private final String instanceId;

    public JdbcLockClusterService(DataSource dataSource, Duration lease, String instanceId) {
        super("jdbc-lock");
        this.lease = lease;
        this.instanceId = instanceId;
        repository = new DefaultLockRepository(dataSource);
        repository.setRegion(REGION);
        repository.setTimeToLive((int) lease.toMillis());
        repository.setTransactionManager(new JdbcTransactionManager(dataSource));
        repository.setCheckDatabaseOnStart(false);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        registry = new JdbcLockRegistry(repository);
        registry.setIdleBetweenTries(Duration.ofMillis(Math.max(50, lease.toMillis() / 20)));
    }

    @Override
    protected JdbcLockClusterView createView(String namespace) {
        return new JdbcLockClusterView(this, namespace, registry, heartbeat(), instanceId);
    }

    /** A leader renews its lock every two heart-beats: a fifth of the lease leaves room for a slow database. */
    Duration heartbeat() {
        return Duration.ofMillis(Math.max(100, lease.toMillis() / 5));
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        repository.close();
    }
}
