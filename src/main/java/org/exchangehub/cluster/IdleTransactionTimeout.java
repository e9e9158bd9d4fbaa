package org.exchangehub.cluster;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Cluster mode: every PostgreSQL connection pool of the hub (the state store, the warehouse) opens its sessions
 * with {@code idle_in_transaction_session_timeout} set to the lease. An instance paused or cut off in the middle of
 * a transaction would otherwise keep that transaction's row locks (a warehouse batch, the feed's state row) while
 * the feed's new leader waits on them for ever; with the timeout the server ends the stale session and rolls it
 * back once the lease is over, and the old instance, when it wakes, finds its commit refused. A healthy instance
 * never leaves a transaction idle that long: each is a batch of statements sent back to back.
 * <p>Pools whose own {@code connectionInitSql} is set are left as configured (a warning says what to add).
 */
final class IdleTransactionTimeout implements BeanPostProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(IdleTransactionTimeout.class);

    private final Duration lease;

    IdleTransactionTimeout(Duration lease) {
        this.lease = lease;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:")) {
            String setting = "SET idle_in_transaction_session_timeout = " + Math.max(1000, lease.toMillis());
            String own = pool.getConnectionInitSql();
            if (own == null || own.isBlank()) {
                pool.setConnectionInitSql(setting);
                LOG.info("Cluster mode: connection pool {} ends a transaction left idle for more than the lease {}"
                        + " (PostgreSQL idle_in_transaction_session_timeout)", name(pool, beanName), lease);
            } else if (!own.contains("idle_in_transaction_session_timeout")) {
                LOG.warn("Cluster mode: connection pool {} has its own connection-init-sql; add \"{}\" to it, or a"
                        + " paused instance can hold rows of a feed that another instance took over",
                        name(pool, beanName), setting);
            }
        }
        return bean;
    }

    private static String name(HikariDataSource pool, String beanName) {
        return pool.getPoolName() == null ? beanName : pool.getPoolName();
    }
}
