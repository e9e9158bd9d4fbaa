package org.exchangehub.config;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own settings ({@code hub.*}).
 *
 * @param configDir the folder holding {@code catalogue/}, {@code mappings/} and {@code codes/}
 * @param once      run every feed once, print a summary and exit (set by the {@code --once} argument)
 * @param schedulingEnabled whether feeds run on their schedules; off, they run only when asked (tests, operations)
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotNull @DefaultValue("config") Path configDir,
        @DefaultValue("false") boolean once,
        @DefaultValue("true") boolean schedulingEnabled) {

    public Path catalogueDir() {
        return configDir.resolve("catalogue");
    }

    public Path mappingsDir() {
        return configDir.resolve("mappings");
    }

    public Path divisionCodes() {
        return configDir.resolve("codes").resolve("divisions.csv");
    }
}
