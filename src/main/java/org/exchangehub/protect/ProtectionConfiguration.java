package org.exchangehub.protect;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.config.HubProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The hub's field protection, from the catalogue and {@code hub.protection.*} (keys from the keystore or the
 * environment); a catalogue that protects fields without its keys stops start-up.
 */
@Configuration(proxyBeanMethods = false)
public class ProtectionConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectionConfiguration.class);

    @Bean
    FieldProtection fieldProtection(Catalogue catalogue, HubProperties hub, ProtectionProperties settings) {
        FieldProtection protection = FieldProtection.of(catalogue, hub.catalogueDir(),
                new ProtectionKeys(settings, System::getenv));
        LOG.info("Field protection: {}", protection.describe());
        return protection;
    }
}
