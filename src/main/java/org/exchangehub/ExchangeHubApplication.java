package org.exchangehub;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.exchangehub.kit.Kit;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Exchange Hub: pulls departmental systems onto the unified schema and delivers them to the platform.
 * {@code --once [--feeds PATTERNS]} runs every (selected) feed once, prints a summary and exits 0 only if every
 * feed succeeded; {@code validate},
 * {@code dry-run <feed>}, {@code scaffold ...}, {@code rejects <feed>} and {@code decrypt <lake file>} are the kit's
 * commands ({@link Kit}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExchangeHubApplication {

    public static void main(String[] args) {
        if (Kit.isCommand(args)) {
            System.exit(Kit.run(args, start -> Kit.start(ExchangeHubApplication.class, start), System.out, System.err));
        }
        boolean once = Arrays.asList(args).contains("--once");
        args = joinFeedsOption(args);
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

    /** {@code --feeds 'tax.*'} as {@code --feeds=tax.*}: Spring reads only the joined form as the option's value. */
    static String[] joinFeedsOption(String[] args) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--feeds") && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                out.add("--feeds=" + args[++i]);
            } else {
                out.add(args[i]);
            }
        }
        return out.toArray(String[]::new);
    }
}
