package org.exchangehub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Exchange Hub: pulls departmental systems onto the unified schema and delivers them to the platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExchangeHubApplication.class, args);
    }
}
