package org.exchangehub.demo.services;

import org.exchangehub.config.ConfigException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo's simulated department services ({@code hub.demo.services.*}): the civil-affairs REST
 * API and the human-resources and social-security SOAP service, served on one local port.
 *
 * @param port                     the local port (127.0.0.1 only); 0 picks a free one
 * @param persons                  people the civil-affairs register holds
 * @param enrolments               enrolments the social-security service holds
 * @param seed                     generator seed: the same seed gives the same data
 * @param civilAffairsClientSecret the hub's client secret at the civil-affairs token endpoint
 * @param humanResourcesPassword   the hub's password at the social-security service (basic authentication)
 */
@ConfigurationProperties("hub.demo.services")
public record DemoServicesProperties(@DefaultValue("0") int port,
                                     @DefaultValue("600") int persons,
                                     @DefaultValue("400") int enrolments,
                                     @DefaultValue("20260301") long seed,
                                     @DefaultValue("demo-civil-affairs-secret") String civilAffairsClientSecret,
                                     @DefaultValue("demo-hrss-password") String humanResourcesPassword) {

    private static final String FILE = "application.yml";
    private static final String PREFIX = "hub.demo.services.";

    public DemoServicesProperties {
        if (port < 0 || port > 65535) {
            throw new ConfigException(FILE, PREFIX + "port", String.valueOf(port), "is not a port",
                    "use 0 for a free port or a port such as 18090");
        }
        if (persons < 0 || persons > 1_000_000) {
            throw new ConfigException(FILE, PREFIX + "persons", String.valueOf(persons),
                    "must be between 0 and 1000000", "set a count such as 600");
        }
        if (enrolments < 0 || enrolments > 1_000_000) {
            throw new ConfigException(FILE, PREFIX + "enrolments", String.valueOf(enrolments),
                    "must be between 0 and 1000000", "set a count such as 400");
        }
    }

    @Override
    public String toString() {
        return "DemoServicesProperties[port=" + port + ", persons=" + persons + ", enrolments=" + enrolments + "]";
    }
}
