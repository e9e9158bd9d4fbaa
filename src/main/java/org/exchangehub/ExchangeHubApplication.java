package org.exchangehub;

import java.util.Arrays;
import java.util.Map;

import org.exchangehub.kit.Kit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Exchange Hub: pulls departmental systems onto the unified schema and delivers them to the platform.
 * {@code --once} runs every feed once, prints a summary and exits 0 only if every feed succeeded; {@code validate},
 * {@code dry-run <feed>} and {@code scaffold ...} are the integration engineer's commands ({@link Kit}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeHubApplication {

    public static void main(String[] args) {
        if (Kit.isCommand(args)) {
            System.exit(Kit.run(args, start -> Kit.start(ExchangeHubApplication.class, start), System.out, System.err));
        }
        boolean once = Arrays.asList(args).contains("--once");
        SpringApplication app = new SpringApplication(ExchangeHubApplication.class);
        if (once) {
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(Map.of("hub.once", "true"));
        }
        ConfigurableApplicationContext context = app.run(args);
        if (once) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
