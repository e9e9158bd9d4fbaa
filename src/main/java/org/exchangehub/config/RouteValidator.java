package org.exchangehub.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks the feeds in {@code routes/} against the building blocks in {@code connectors/} and the mappings in
 * {@code config/mappings/} before anything starts: route ids present and unique, connectors known, every
 * parameter declared, every required one given, every mapping present.
 */
public final class RouteValidator {

    private static final Pattern ROUTE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*");
    private static final String MAPPING_ACTION = "unified-mapping-action";

    private final ConnectorCatalogue connectors;
    private final Set<String> mappings;

    public RouteValidator(ConnectorCatalogue connectors, Set<String> mappings) {
        this.connectors = connectors;
        this.mappings = mappings;
    }

    /** Validates every {@code *.yaml} in {@code dir}, adding each problem to {@code problems}. */
    public void validate(Path dir, List<ConfigException> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new ConfigException(dir.toString(), null, null, "the routes folder does not exist",
                    "start the hub in the project folder"));
            return;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new ConfigException(dir.toString(), null, null, "cannot list: " + e.getMessage(), null));
            return;
        }
        validate(files, problems);
    }

    /** Validates the given route files (those the include and exclude patterns select, see {@link RouteFiles}). */
    public void validate(List<Path> files, List<ConfigException> problems) {
        Map<String, String> ids = new HashMap<>();
        HubFeedSteps hubFeeds = new HubFeedSteps();
        for (Path file : files) {
            checkFileName(file, problems);
            validateFile(file, ids, hubFeeds, problems);
        }
        hubFeeds.check(problems);
    }

    /** Camel takes everything after the first dot of a routes file's name as its type ({@code a.b.yaml} reads as {@code b.yaml}). */
    private static void checkFileName(Path file, List<ConfigException> problems) {
        String name = file.getFileName().toString();
        String base = name.substring(0, name.length() - ".yaml".length());
        if (base.contains(".")) {
            problems.add(new ConfigException(file.toString(), null, name,
                    "the file name has a dot before .yaml; Camel reads everything after the first dot as the file type"
                            + " and would stop with 'Cannot find RoutesBuilderLoader ... extension: "
                            + name.substring(name.indexOf('.') + 1) + "'",
                    "rename the file to " + base.replace('.', '-') + ".yaml (routes/<department>-<feed>.yaml; the"
                            + " dot belongs in the route id only)"));
        }
    }

    @SuppressWarnings("unchecked")
    private void validateFile(Path file, Map<String, String> ids, HubFeedSteps hubFeeds,
            List<ConfigException> problems) {
        String where = file.toString();
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            problems.add(YamlMaps.unreadable(where, e));
            return;
        }
        if (!(root instanceof List<?> items)) {
            problems.add(new ConfigException(where, null, null, "a routes file must be a YAML list of '- route:' items",
                    "start the file with '- route:' followed by 'id:' and 'from:'"));
            return;
        }
        for (int index = 0; index < items.size(); index++) {
            Object item = items.get(index);
            if (item instanceof Map<?, ?> m && m.containsKey("from")) {
                problems.add(new ConfigException(where, "[" + index + "].from", null,
                        "a bare '- from:' is a route without an id",
                        "write it as '- route:' with 'id: <department>.<feed>' and the 'from:' under it"));
                continue;
            }
            if (!(item instanceof Map<?, ?> m) || !m.containsKey("route")) {
                continue; // route configurations and other DSL elements are Camel's to check
            }
            Map<String, Object> route = YamlMaps.map((Map<String, Object>) m, "route");
            Object id = route.get("id");
            String key = "route[" + (id instanceof String s && !s.isBlank() ? s : String.valueOf(index)) + "]";
            if (!(id instanceof String s) || !ROUTE_ID.matcher(s).matches()) {
                problems.add(new ConfigException(where, key + ".id", id == null ? null : id.toString(),
                        id == null ? "the route has no id" : "the route id is not of the form <department>.<feed>"
                                + " (lower-case letters, digits and '-', one dot)",
                        "give it a stable id such as 'id: market-regulation.enterprises': it names the feed in JMX,"
                                + " the exchange log and the lake"));
            } else if (ids.putIfAbsent(s, where) != null) {
                problems.add(new ConfigException(where, key + ".id", s, "the same route id is also used in "
                        + ids.get(s), "give each feed its own id; route ids are the feeds' API, so rename the new one"));
            }
            Map<String, Object> from = YamlMaps.map(route, "from");
            checkEndpoint(where, key + ".from", from.get("uri"), YamlMaps.map(from, "parameters"), problems);
            Object steps = route.get("steps");
            if (steps == null) {
                steps = from.get("steps");
            }
            Path projectRoot = file.toAbsolutePath().getParent().getParent();
            checkSteps(where, key, steps, hubFeeds, projectRoot, problems);
            if (HubFeedSteps.isHubFeed(from.get("uri"))) {
                hubFeeds.feedRoute(where, key + ".from", String.valueOf(id), (String) from.get("uri"), maps(steps));
            }
        }
    }

    /** Whether one of the steps maps onto the unified schema. */
    private static boolean maps(Object steps) {
        if (!(steps instanceof List<?> list)) {
            return false;
        }
        for (Object step : list) {
            Object to = step instanceof Map<?, ?> sm ? sm.get("to") : null;
            Object uri = to instanceof Map<?, ?> tm ? tm.get("uri") : to;
            if (uri instanceof String s && (s.startsWith("kamelet:" + MAPPING_ACTION) || s.startsWith("unify:"))) {
                return true;
            }
        }
        return false;
    }

    /** Checks every {@code to} among the steps, including those nested in EIPs such as {@code filter} or {@code choice}. */
    @SuppressWarnings("unchecked")
    private void checkSteps(String where, String key, Object steps, HubFeedSteps hubFeeds, Path projectRoot,
            List<ConfigException> problems) {
        if (!(steps instanceof List<?> list)) {
            return;
        }
        int i = 0;
        for (Object step : list) {
            String stepKey = key + ".steps[" + i++ + "]";
            if (!(step instanceof Map<?, ?> sm)) {
                continue;
            }
            for (Map.Entry<?, ?> e : sm.entrySet()) {
                String eip = String.valueOf(e.getKey());
                if (eip.equals("to")) {
                    Object uri = e.getValue() instanceof Map<?, ?> tm ? tm.get("uri") : e.getValue();
                    if (HubFeedSteps.isHubFeed(uri)) {
                        Map<String, Object> parameters = e.getValue() instanceof Map<?, ?> tm
                                ? YamlMaps.map((Map<String, Object>) tm, "parameters") : Map.of();
                        hubFeeds.step(where, stepKey + ".to", (String) uri, parameters, projectRoot, problems);
                    } else if (e.getValue() instanceof Map<?, ?> tm) {
                        checkEndpoint(where, stepKey + ".to", tm.get("uri"),
                                YamlMaps.map((Map<String, Object>) tm, "parameters"), problems);
                    } else {
                        checkEndpoint(where, stepKey + ".to", e.getValue(), Map.of(), problems);
                    }
                } else if (e.getValue() instanceof Map<?, ?> body) {
                    checkSteps(where, stepKey + "." + eip, body.get("steps"), hubFeeds, projectRoot, problems);
                    if (body.get("when") instanceof List<?> whens) {
                        int w = 0;
                        for (Object when : whens) {
                            if (when instanceof Map<?, ?> wm) {
                                checkSteps(where, stepKey + "." + eip + ".when[" + w + "]", wm.get("steps"), hubFeeds,
                                        projectRoot, problems);
                            }
                            w++;
                        }
                    }
                    if (body.get("otherwise") instanceof Map<?, ?> om) {
                        checkSteps(where, stepKey + "." + eip + ".otherwise", om.get("steps"), hubFeeds, projectRoot,
                                problems);
                    }
                }
            }
        }
    }

    private void checkEndpoint(String where, String key, Object uriValue, Map<String, Object> parameters,
            List<ConfigException> problems) {
        if (!(uriValue instanceof String uri) || !uri.startsWith("kamelet:")) {
            return;
        }
        String rest = uri.substring("kamelet:".length());
        Map<String, Object> given = new LinkedHashMap<>(parameters);
        given.putAll(YamlMaps.query(rest));
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        String name = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        if (name.equals("source") || name.equals("sink")) {
            return;
        }
        ConnectorCatalogue.Connector connector = connectors.connector(name);
        if (connector == null) {
            problems.add(new ConfigException(where, key + ".uri", uri, "no connector named '" + name + "'",
                    "use one of " + ConnectorCatalogue.sorted(connectors.names()) + " (files in connectors/)"));
            return;
        }
        for (String p : given.keySet()) {
            if (!connector.parameters().containsKey(p) && !p.equals("routeId")) {
                problems.add(new ConfigException(where, key + ".parameters." + p, String.valueOf(given.get(p)),
                        "connector " + name + " has no parameter '" + p + "'",
                        "use one of " + ConnectorCatalogue.sorted(connector.parameters().keySet()) + " (see "
                                + connector.file() + ")"));
            }
        }
        for (String p : connector.parameters().keySet()) {
            if (connector.isRequired(p) && (given.get(p) == null || given.get(p).toString().isBlank())) {
                problems.add(new ConfigException(where, key + ".parameters." + p, null,
                        "connector " + name + " requires parameter '" + p + "'",
                        "add '" + p + ": ...' under parameters (see " + connector.file() + ")"));
            }
        }
        if (name.equals("rest-source") || name.equals("soap-source")) {
            // checked here rather than in validate's RouteCheck so that start-up stops on it too, naming the file
            Map<String, String> values = new LinkedHashMap<>();
            given.forEach((k, v) -> values.put(k, v == null ? null : v.toString()));
            ConfigException proxy = org.exchangehub.source.http.HttpProxy.check(values);
            if (proxy != null) {
                problems.add(new ConfigException(where, key + ".parameters." + proxy.key(), proxy.value(),
                        proxy.problem(), proxy.fix()));
            }
        }
        if (name.equals(MAPPING_ACTION) && given.get("mapping") != null
                && !mappings.contains(given.get("mapping").toString())) {
            problems.add(new ConfigException(where, key + ".parameters.mapping", given.get("mapping").toString(),
                    "no such mapping", "create config/mappings/" + given.get("mapping") + ".yaml or use one of "
                            + ConnectorCatalogue.sorted(mappings)));
        }
    }
}
