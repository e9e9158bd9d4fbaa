package org.exchangehub.ops;

import io.micrometer.core.instrument.MeterRegistry;
import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;
import org.exchangehub.unify.FeedMappings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Operations wiring: feed MBeans, the remote JMX listener, feed health, feed metrics and the masking that keeps
 * personal values out of all of them. The web parts (console security, exchange log) come with the web server.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpsProperties.class)
class OpsConfiguration {

    @Bean
    Masking opsMasking(Catalogue catalogue, FeedMappings mappings) {
        return new Masking(catalogue, mappings);
    }

    @Bean
    RejectReplayer rejectReplayer(StateStore state, FeedMappings mappings, OpsProperties properties) {
        return new RejectReplayer(state, mappings, properties.replayBatchSize());
    }

    @Bean
    RejectExports rejectExports(StateStore state, Masking masking) {
        return new RejectExports(state, masking);
    }

    @Bean
    FeedMBeans feedMBeans(FeedRegistry registry, StateStore state, RejectReplayer replayer, Masking masking) {
        return new FeedMBeans(registry, state, replayer, masking);
    }

    /** Off in one-shot mode, which exits after its runs. */
    @Bean
    @ConditionalOnProperty(name = "hub.once", havingValue = "false", matchIfMissing = true)
    JmxRemoteServer jmxRemoteServer(OpsProperties properties, @Value("${hub.demo.enabled:false}") boolean demo) {
        return new JmxRemoteServer(properties.jmx(), OpsUsers.from(properties, demo));
    }

    /** Health of every feed, under {@code /actuator/health/feeds}. */
    @Bean
    FeedHealth feeds(FeedRegistry registry, StateStore state, OpsProperties properties) {
        return new FeedHealth(registry, state, properties.health());
    }

    @Bean
    FeedMetrics feedMetrics(MeterRegistry meters, FeedRegistry registry, StateStore state) {
        return new FeedMetrics(meters, registry, state);
    }
}
