package org.exchangehub.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.source.camel.HubFeedEndpoint;

/**
 * The checks of routes whose source is any Camel endpoint, across all route files: each {@code to: hub-feed:<feed>}
 * step's options (format and what it needs, batchSize, no unknown option), and that the feed it names has its route
 * ({@code from: hub-feed:<feed>}, with the feed's id and a mapping step), and that such a route has a step sending
 * to it.
 */
final class HubFeedSteps {

    static final String SCHEME = "hub-feed:";

    private record Step(String where, String key, String feed) {
    }

    private record Feed(String where, String key, String routeId, boolean maps) {
    }

    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Feed> feeds = new LinkedHashMap<>();

    /** A route starting {@code from: hub-feed:<feed>}; {@code maps} whether one of its steps maps. */
    void feedRoute(String where, String key, String routeId, String uri, boolean maps) {
        String feed = feedOf(uri);
        feeds.putIfAbsent(feed, new Feed(where, key, routeId, maps));
    }

    /** A {@code to: hub-feed:...} step, its options from the URI and from {@code parameters}. */
    void step(String where, String key, String uri, Map<String, Object> parameters, Path projectRoot,
            List<ConfigException> problems) {
        String feed = feedOf(uri);
        if (feed.isBlank()) {
            problems.add(new ConfigException(where, key + ".uri", uri, "the hub-feed step names no feed",
                    "write hub-feed:<department>.<feed>?format=..., the id of the route that reads from: hub-feed:"
                            + "<department>.<feed> and maps and delivers"));
            return;
        }
        steps.add(new Step(where, key, feed));
        Map<String, String> options = YamlMaps.query(uri);
        Map<String, String> keys = new LinkedHashMap<>();
        options.keySet().forEach(o -> keys.put(o, key + ".uri"));
        parameters.forEach((k, v) -> {
            options.put(k, v == null ? null : String.valueOf(v));
            keys.put(k, key + ".parameters." + k);
        });
        checkOptions(where, key + ".uri", uri, options, keys, projectRoot, problems);
    }

    /** {@code keys}: where each option is given, for the problem's line ({@code uri} or {@code parameters.<name>}). */
    private static void checkOptions(String where, String stepKey, String uri, Map<String, String> options,
            Map<String, String> keys, Path projectRoot, List<ConfigException> problems) {
        List<String> declared = HubFeedEndpoint.producerOptions();
        for (String option : options.keySet()) {
            if (!declared.contains(option)) {
                problems.add(new ConfigException(where, keys.get(option), option,
                        "hub-feed has no option '" + option + "'", "use one of " + declared
                                + " (see docs/onboarding.md, section 4, any Camel endpoint as the source)"));
            }
        }
        String format = options.get("format");
        if (format == null || format.isBlank()) {
            problems.add(new ConfigException(where, stepKey, uri, "the hub-feed step has no format",
                    "add format=" + String.join("|", HubFeedEndpoint.FORMATS) + ": how the origin's body holds its"
                            + " records"));
            return;
        }
        if (format.contains("{{")) {
            return; // resolved at start-up
        }
        if (!HubFeedEndpoint.FORMATS.contains(format)) {
            problems.add(new ConfigException(where, keys.get("format"), format, "unknown hub-feed format",
                    "use one of " + HubFeedEndpoint.FORMATS));
        } else if (format.equals("fixed")) {
            String layout = options.get("layout");
            if (layout == null || layout.isBlank()) {
                problems.add(new ConfigException(where, keys.get("format"), null, "format fixed needs a layout",
                        "add layout=config/layouts/<name>.yaml, the byte positions of the fields"));
            } else if (!layout.contains("{{") && !Files.isRegularFile(projectRoot.resolve(layout))) {
                problems.add(new ConfigException(where, keys.get("layout"), layout, "no such layout file",
                        "create " + layout + " or correct the path (relative to the project folder)"));
            }
        } else if (format.equals("xml") && (blank(options.get("recordElement")) || blank(options.get("columns")))) {
            problems.add(new ConfigException(where, keys.get("format"), null,
                    "format xml needs recordElement and columns",
                    "add recordElement=<element of one record>&columns=<child elements, comma-separated>"));
        }
        String batchSize = options.get("batchSize");
        if (batchSize != null && !batchSize.contains("{{") && !batchSize.matches("[1-9][0-9]*")) {
            problems.add(new ConfigException(where, keys.get("batchSize"), batchSize,
                    "batchSize is not a positive whole number", "give the records per batch, e.g. batchSize=5000"));
        }
    }

    /** The problems that need every route file: a step without its feed's route, a feed route nothing feeds. */
    void check(List<ConfigException> problems) {
        for (Map.Entry<String, Feed> e : feeds.entrySet()) {
            Feed feed = e.getValue();
            if (!e.getKey().equals(feed.routeId())) {
                problems.add(new ConfigException(feed.where(), feed.key() + ".uri", SCHEME + e.getKey(),
                        "the route reading from hub-feed:" + e.getKey() + " has id '" + feed.routeId() + "'",
                        "give the route the feed's id, id: " + e.getKey() + " (it names the feed in the exchange log,"
                                + " JMX and the lake), or read from hub-feed:" + feed.routeId()));
            }
            if (!feed.maps()) {
                problems.add(new ConfigException(feed.where(), feed.key() + ".uri", SCHEME + e.getKey(),
                        "the feed's route has no mapping step, so nothing reaches a sink",
                        "add '- to: { uri: kamelet:unified-mapping-action, parameters: { mapping: <name> } }' before"
                                + " its sinks"));
            }
            if (steps.stream().noneMatch(s -> s.feed().equals(e.getKey()))) {
                problems.add(new ConfigException(feed.where(), feed.key() + ".uri", SCHEME + e.getKey(),
                        "no route sends to hub-feed:" + e.getKey() + ", so the feed never runs",
                        "add a route whose from is the origin's Camel URI with the step"
                                + " '- to: hub-feed:" + e.getKey() + "?format=...'"));
            }
        }
        for (Step step : steps) {
            if (!feeds.containsKey(step.feed())) {
                problems.add(new ConfigException(step.where(), step.key() + ".uri", SCHEME + step.feed(),
                        "no route reads from hub-feed:" + step.feed() + ", so the records have nowhere to go",
                        "add the feed's route: '- route: { id: " + step.feed() + ", from: { uri: hub-feed:"
                                + step.feed() + ", steps: [ mapping, sinks ] } }'" + known()));
            }
        }
    }

    private String known() {
        return feeds.isEmpty() ? "" : ", or send to one of " + ConnectorCatalogue.sorted(feeds.keySet());
    }

    static boolean isHubFeed(Object uri) {
        return uri instanceof String s && s.startsWith(SCHEME);
    }

    private static String feedOf(String uri) {
        String rest = uri.substring(SCHEME.length());
        int q = rest.indexOf('?');
        return (q < 0 ? rest : rest.substring(0, q)).replaceFirst("^//", "").trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
