package org.exchangehub.kit;

import java.io.Reader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exchangehub.config.ConfigException;
import org.exchangehub.feed.Durations;
import org.exchangehub.source.http.ServiceWindows;
import org.quartz.CronExpression;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The route checks that need the hub's settings rather than the connectors: schedules (a period that is not a
 * duration, a cron that is invalid or never fires again), {@code dataSource} names that no configured data source
 * has, and a service feed's time windows that cannot work. The structural checks (ids, connectors, parameters) are {@link org.exchangehub.config.RouteValidator}'s.
 */
final class RouteCheck {

    private static final Set<String> DURATIONS = Set.of("period", "delay", "initialDelay", "lookBack");

    private final Set<String> dataSources;
    /** Source endpoint (connector and parameters) → the route that consumes it, across all route files. */
    private final Map<String, String> sources = new java.util.HashMap<>();

    RouteCheck(Set<String> dataSources) {
        this.dataSources = dataSources;
    }

    void check(Path file, List<ConfigException> problems) {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (Exception e) {
            return; // RouteValidator reports unreadable files
        }
        if (!(root instanceof List<?> items)) {
            return;
        }
        int index = 0;
        for (Object item : items) {
            if (item instanceof Map<?, ?> m && m.get("route") instanceof Map<?, ?> route) {
                Object id = route.get("id");
                String key = "route[" + (id == null ? String.valueOf(index) : id) + "]";
                if (route.get("from") instanceof Map<?, ?> from) {
                    endpoint(file.toString(), key + ".from", from, problems);
                    sameSource(file.toString(), key + ".from", String.valueOf(id), from, problems);
                    walkSteps(file.toString(), key + ".from", from.get("steps"), problems);
                }
                walkSteps(file.toString(), key, route.get("steps"), problems);
            }
            index++;
        }
    }

    private void walkSteps(String where, String key, Object steps, List<ConfigException> problems) {
        if (!(steps instanceof List<?> list)) {
            return;
        }
        int i = 0;
        for (Object step : list) {
            if (step instanceof Map<?, ?> sm) {
                for (Map.Entry<?, ?> e : sm.entrySet()) {
                    String stepKey = key + ".steps[" + i + "]." + e.getKey();
                    if (e.getValue() instanceof Map<?, ?> body) {
                        if ("to".equals(e.getKey())) {
                            endpoint(where, stepKey, body, problems);
                        }
                        walkSteps(where, stepKey, body.get("steps"), problems);
                    }
                }
            }
            i++;
        }
    }

    private void endpoint(String where, String key, Map<?, ?> endpoint, List<ConfigException> problems) {
        Map<String, String> params = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        String uri = endpoint.get("uri") == null ? "" : String.valueOf(endpoint.get("uri"));
        int q = uri.indexOf('?');
        if (q >= 0) {
            for (String pair : uri.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    keys.put(pair.substring(0, eq), key + ".uri." + pair.substring(0, eq));
                }
            }
        }
        if (endpoint.get("parameters") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> {
                params.put(String.valueOf(k), v == null ? null : String.valueOf(v));
                keys.put(String.valueOf(k), key + ".parameters." + k);
            });
        }
        params.forEach((name, value) -> {
            String pkey = keys.get(name);
            if (value == null || value.contains("{{")) {
                return; // placeholders are resolved at start-up
            }
            if (DURATIONS.contains(name)) {
                duration(where, pkey, name, value, problems);
            } else if (name.equals("cron") || name.endsWith(".cron")) {
                cron(where, pkey, value, problems);
            } else if (name.equals("dataSource") && uri.startsWith("kamelet:jdbc-incremental-source")) {
                dataSource(where, pkey, value, problems);
            }
        });
        if (uri.startsWith("kamelet:rest-source") || uri.startsWith("kamelet:soap-source")) {
            ConfigException w = ServiceWindows.check(params, java.time.Instant.now());
            if (w != null) {
                problems.add(new ConfigException(where, keys.getOrDefault(w.key(), keys.get("windowLength")),
                        w.value(), w.problem(), w.fix()));
            }
        }
    }

    /** Camel refuses two consumers of one endpoint: two feeds with the same connector and parameters. */
    private void sameSource(String where, String key, String id, Map<?, ?> from, List<ConfigException> problems) {
        Map<String, String> sorted = new java.util.TreeMap<>();
        if (from.get("parameters") instanceof Map<?, ?> p) {
            p.forEach((k, v) -> sorted.put(String.valueOf(k), String.valueOf(v)));
        }
        String endpoint = from.get("uri") + " " + sorted;
        String other = sources.putIfAbsent(endpoint, id + " (" + where + ")");
        if (other != null) {
            problems.add(new ConfigException(where, key + ".uri", String.valueOf(from.get("uri")), "the same source"
                    + " with the same parameters is already read by route " + other + "; Camel refuses two consumers"
                    + " of one endpoint and the hub would not start", "give this feed its own source: another"
                    + " table, columns or period (two feeds of one table differ at least in one parameter)"));
        }
    }

    private static void duration(String where, String key, String name, String value, List<ConfigException> problems) {
        try {
            if (Durations.parse("", name, value).isZero() && name.equals("period")) {
                problems.add(new ConfigException(where, key, value, "a period of 0 runs the feed back to back"
                        + " without pause, hammering the department's system",
                        "give the time between runs, e.g. 60s, 15m or 1h"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigException(where, key, value, "not a duration, so the schedule never fires as"
                    + " meant", "write e.g. 30s, 5m, 1h, 1h30m or PT5M (plain digits are milliseconds)"));
        }
    }

    private static void cron(String where, String key, String value, List<ConfigException> problems) {
        String expression = value.replace('+', ' ').trim();
        CronExpression cron;
        try {
            cron = new CronExpression(expression);
        } catch (ParseException e) {
            problems.add(new ConfigException(where, key, value, "not a valid Quartz cron expression: "
                    + e.getMessage(), "write six or seven fields: seconds minutes hours day-of-month month"
                    + " day-of-week [year], e.g. 0 0 2 * * ? (02:00 every night)"));
            return;
        }
        if (cron.getNextValidTimeAfter(new Date()) == null) {
            problems.add(new ConfigException(where, key, value, "the cron never fires again (its dates lie in the"
                    + " past or do not exist)", "correct the day, month or year fields, e.g. 0 0 2 * * ?"));
        }
    }

    private void dataSource(String where, String key, String value, List<ConfigException> problems) {
        String name = value.startsWith("#") ? value.substring(1) : value;
        if (name.startsWith("bean:")) {
            name = name.substring("bean:".length());
        }
        if (!dataSources.contains(name)) {
            problems.add(new ConfigException(where, key, value, "no configured data source is named '" + name + "'",
                    "configure it as hub.datasources." + name + ".url/username/password (application.yml, a"
                            + " profile or the environment), or use one of " + new java.util.TreeSet<>(dataSources)));
        }
    }
}
