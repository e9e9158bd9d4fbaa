package org.exchangehub.config;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The hub's own settings ({@code hub.*}).
 *
 * @param configDir the folder holding {@code catalogue/}, {@code mappings/} and {@code codes/}, relative to the
 *                  working folder. Bound as text on purpose: Spring binds a relative {@code Path} setting through
 *                  a classpath look-up first, so a {@code config/} folder among the classes (test fixtures, say)
 *                  would silently replace the project's own.
 * @param once      run every feed once, print a summary and exit (set by the {@code --once} argument)
 * @param schedulingEnabled whether feeds run on their schedules; off, they run only when asked (tests, operations)
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotBlank @DefaultValue("config") String configDir,
        @DefaultValue("false") boolean once,
        @DefaultValue("true") boolean schedulingEnabled) {

    /** The {@code config/} folder on the file system. */
    public Path configPath() {
        return Path.of(configDir.trim());
    }

    public Path catalogueDir() {
        return configPath().resolve("catalogue");
    }

    public Path mappingsDir() {
        return configPath().resolve("mappings");
    }

    public Path divisionCodes() {
        return configPath().resolve("codes").resolve("divisions.csv");
    }
}
