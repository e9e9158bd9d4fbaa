package org.exchangehub.kit;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.exchangehub.config.ConfigException;
import org.exchangehub.config.RouteFiles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The few hub settings {@code validate} needs, read without starting Spring: {@code application.yml} and the
 * active profiles' {@code application-<profile>.yml} (from the classpath, then {@code ./}), then
 * {@code --name=value} arguments. Enough to know the configured data sources and folders.
 */
final class HubSettings {

    private final Map<String, String> values;

    private HubSettings(Map<String, String> values) {
        this.values = values;
    }

    static HubSettings load(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                overrides.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        read("application.yml", values);
        String profiles = overrides.getOrDefault("spring.profiles.active",
                System.getProperty("spring.profiles.active", System.getenv().getOrDefault("SPRING_PROFILES_ACTIVE",
                        values.getOrDefault("spring.profiles.active", ""))));
        for (String profile : profiles.split(",")) {
            if (!profile.isBlank()) {
                read("application-" + profile.trim() + ".yml", values);
            }
        }
        values.putAll(overrides);
        return new HubSettings(values);
    }

    private static void read(String name, Map<String, String> into) {
        try (InputStream in = HubSettings.class.getClassLoader().getResourceAsStream(name)) {
            if (in != null) {
                flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(in), into);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable settings file stops the hub itself with a clearer message than ours
        }
        Path local = Path.of(name);
        if (Files.isRegularFile(local)) {
            try (Reader r = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
                flatten("", new Yaml(new SafeConstructor(new LoaderOptions())).load(r), into);
            } catch (IOException | RuntimeException e) {
                // as above
            }
        }
    }

    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, into));
        } else if (node != null) {
            into.put(prefix, String.valueOf(node));
        }
    }

    String get(String key, String dflt) {
        return values.getOrDefault(key, dflt);
    }

    /**
     * The DataSource bean names a route may use: the department databases of {@code hub.datasources.*}, the demo's
     * {@code marketRegulationDb} when the demo is on, and {@code warehouseDb} when {@code hub.warehouse.url} is set.
     */
    Set<String> dataSources() {
        Set<String> names = new TreeSet<>();
        for (String key : values.keySet()) {
            if (key.startsWith("hub.datasources.")) {
                String rest = key.substring("hub.datasources.".length());
                names.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
            }
        }
        if (Boolean.parseBoolean(get("hub.demo.enabled", "false"))) {
            names.add("marketRegulationDb");
        }
        if (!get("hub.warehouse.url", "").isBlank()) {
            names.add("warehouseDb");
        }
        return names;
    }

    /** The folder of a {@code file:} location or pattern such as {@code file:routes/*.yaml}. */
    static Path folder(String location) {
        String first = location.split(",")[0].trim();
        String path = first.startsWith("file:") ? first.substring("file:".length()) : first;
        int star = path.indexOf('*');
        if (star >= 0) {
            path = path.substring(0, path.lastIndexOf('/', star) + 1);
        }
        return Path.of(path.isEmpty() ? "." : path);
    }

    Path routesDir() {
        return folder(get("camel.main.routes-include-pattern", "file:routes/*.yaml"));
    }

    /** The route files the settings' include and exclude patterns select (what the hub would load). */
    List<Path> routeFiles(List<ConfigException> problems, List<String> warnings) {
        return RouteFiles.select(get("camel.main.routes-include-pattern", "file:routes/*.yaml"),
                get("camel.main.routes-exclude-pattern", ""), problems, warnings);
    }

    Path connectorsDir() {
        return folder(get("camel.component.kamelet.location", "file:connectors"));
    }

    Path configDir() {
        return Path.of(get("hub.config-dir", "config").trim());
    }
}
