package org.exchangehub.demo.services;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo's civil-affairs REST API and human-resources SOAP service, served on 127.0.0.1 while the hub runs.
 * The server's base URL is published as {@code hub.demo.services.url} before the routes start, so the demo
 * routes find it even on a free port; the demo credentials are published under their bound names, so the
 * routes reference them as placeholders as they would a production secret.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
public class DemoServicesConfiguration {

    static final String URL_PROPERTY = "hub.demo.services.url";
    private static final Logger LOG = LoggerFactory.getLogger(DemoServicesConfiguration.class);

    @Bean(destroyMethod = "close")
    DemoServiceServer demoServiceServer(DemoServicesProperties settings, ConfigurableEnvironment environment)
            throws IOException {
        DemoServiceServer server = new DemoServiceServer(settings.port(), settings);
        environment.getPropertySources().addFirst(new MapPropertySource("demoServices",
                Map.of(URL_PROPERTY, server.baseUrl(),
                        "hub.demo.services.civil-affairs-client-secret", settings.civilAffairsClientSecret(),
                        "hub.demo.services.human-resources-password", settings.humanResourcesPassword())));
        LOG.info("Demo department services at {}: civil-affairs REST ({} people), human-resources SOAP ({} enrolments)",
                server.baseUrl(), settings.persons(), settings.enrolments());
        return server;
    }
}
