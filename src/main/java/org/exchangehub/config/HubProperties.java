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
 * @param codes     where the standard code tables are, when not in the config folder
 */
@Validated
@ConfigurationProperties("hub")
public record HubProperties(
        @NotBlank @DefaultValue("config") String configDir,
        @DefaultValue("false") boolean once,
        @DefaultValue("true") boolean schedulingEnabled,
        @DefaultValue Codes codes) {

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

    /** The GB/T 2260 table: {@code hub.codes.divisions} when set, else {@code codes/divisions.csv} in the config folder. */
    public Path divisionCodes() {
        return codes.divisionsSet() ? Path.of(codes.divisions().trim())
                : configPath().resolve("codes").resolve("divisions.csv");
    }

    /**
     * Code tables kept outside the config folder ({@code hub.codes.*}).
     *
     * @param divisions a GB/T 2260 table ({@code code,name}) that replaces the shipped one, e.g. a newer edition;
     *                  once set, the file must exist. Text for the same reason as {@code configDir}.
     */
    public record Codes(String divisions) {

        /** Whether {@code hub.codes.divisions} is given. */
        public boolean divisionsSet() {
            return divisions != null && !divisions.isBlank();
        }
    }
}
