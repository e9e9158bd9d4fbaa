package org.exchangehub.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.exchangehub.config.HubProperties;
import org.exchangehub.state.JdbcStateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Cluster mode ({@code hub.cluster.enabled=true}): the cluster service that elects each feed's leader, and the
 * leadership of every feed route through it ({@link FeedLeadership}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.cluster.enabled", havingValue = "true")
public class ClusterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    /**
     * PostgreSQL sessions that end a transaction idle past the lease ({@link IdleTransactionTimeout}); static, and
     * bound from the environment, as a post-processor must not wait for other beans.
     */
    @Bean
    static BeanPostProcessor idleTransactionTimeout(Environment environment) {
        Duration lease = Binder.get(environment).bind("hub.cluster.lease", Duration.class)
                .orElse(ClusterProperties.DEFAULT_LEASE);
        return new IdleTransactionTimeout(lease);
    }

    @Bean
    CamelClusterService clusterService(ClusterProperties cluster, HubProperties hub, DataSource stateDataSource) {
        ClusterSettings.check(cluster, hub.once());
        String instance = cluster.instance();
        if (cluster.service().trim().equals("file")) {
            FileLockClusterService files = new FileLockClusterService();
            files.setId("file-lock");
            files.setRoot(Path.of(cluster.fileRoot().trim()).toAbsolutePath().toString());
            // a lock unrenewed for interval x multiplier is taken over: that product is the lease
            long interval = Math.max(200, cluster.lease().toMillis() / 5);
            files.setAcquireLockInterval(interval, TimeUnit.MILLISECONDS);
            files.setAcquireLockDelay(Math.min(1000, interval), TimeUnit.MILLISECONDS);
            files.setHeartbeatTimeoutMultiplier(5);
            LOG.info("Cluster mode: instance {}, feeds elected by Camel's file lock service in {}, lease {}", instance,
                    files.getRoot(), cluster.lease());
            return files;
        }
        LOG.info("Cluster mode: instance {}, feeds elected by the JDBC lock registry on the state store, lease {}",
                instance, cluster.lease());
        return new JdbcLockClusterService(stateDataSource, cluster.lease(), instance);
    }

    /** The leadership of each feed, added to Camel before the routes are built (one policy per feed route). */
    @Bean
    CamelContextConfiguration feedLeadership(CamelClusterService clusterService, JdbcStateStore stateStore) {
        FeedLeadership leadership = new FeedLeadership(clusterService, stateStore);
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                if (!camelContext.hasService(clusterService)) {
                    try {
                        camelContext.addService(clusterService);
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot add the cluster service: " + e.getMessage(), e);
                    }
                }
                camelContext.addRoutePolicyFactory(leadership);
                camelContext.getManagementStrategy().addEventNotifier(leadership);
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                // the policies start each feed's routes where it is elected
            }
        };
    }
}
