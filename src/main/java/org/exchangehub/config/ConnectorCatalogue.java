package org.exchangehub.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The building blocks in {@code connectors/} (Kamelets): their declared parameters, which are required and
 * which have defaults, read once so that routes can be checked against them before anything starts.
 */
public final class ConnectorCatalogue {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\??([A-Za-z0-9_.-]+)(:[^}]*)?}}");

    /** Camel's property functions ({@code {{env:NAME}}}), which are not parameters. */
    private static final Set<String> PROPERTY_FUNCTIONS = Set.of("env", "sys", "sysenv", "bean", "ref", "service");

    private final Map<String, Connector> connectors;

    private ConnectorCatalogue(Map<String, Connector> connectors) {
        this.connectors = connectors;
    }

    /**
     * A connector.
     *
     * @param name       its name (file name without {@code .kamelet.yaml})
     * @param file       where it is declared
     * @param parameters declared parameters: name to whether it is required without a default
     */
    public record Connector(String name, String file, Map<String, Boolean> parameters) {

        public boolean isRequired(String parameter) {
            return Boolean.TRUE.equals(parameters.get(parameter));
        }
    }

    public Connector connector(String name) {
        return connectors.get(name);
    }

    public Set<String> names() {
        return connectors.keySet();
    }

    /** Reads every {@code *.kamelet.yaml}; problems (undeclared or unused parameters, bad files) go to {@code problems}. */
    public static ConnectorCatalogue load(Path dir, List<ConfigException> problems) {
        Map<String, Connector> connectors = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            problems.add(new ConfigException(dir.toString(), null, null, "the connectors folder does not exist",
                    "start the hub in the project folder, or set camel.component.kamelet.location"));
            return new ConnectorCatalogue(connectors);
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".kamelet.yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new ConfigException(dir.toString(), null, null, "cannot list: " + e.getMessage(), null));
            return new ConnectorCatalogue(connectors);
        }
        for (Path file : files) {
            Connector c = read(file, problems);
            if (c != null) {
                connectors.put(c.name(), c);
            }
        }
        return new ConnectorCatalogue(connectors);
    }

    @SuppressWarnings("unchecked")
    private static Connector read(Path file, List<ConfigException> problems) {
        String fileName = file.getFileName().toString();
        String expected = fileName.substring(0, fileName.length() - ".kamelet.yaml".length());
        String where = file.toString();
        Object loaded;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            problems.add(YamlMaps.unreadable(where, e));
            return null;
        }
        if (!(loaded instanceof Map<?, ?>)) {
            problems.add(new ConfigException(where, null, null, "a Kamelet file must be a YAML map",
                    "start it with 'apiVersion: camel.apache.org/v1' and 'kind: Kamelet' (see the other connectors)"));
            return null;
        }
        Map<String, Object> root = (Map<String, Object>) loaded;
        Map<String, Object> metadata = YamlMaps.map(root, "metadata");
        Object name = metadata.get("name");
        if (!expected.equals(name)) {
            problems.add(new ConfigException(where, "metadata.name", String.valueOf(name),
                    "the Kamelet's name must match its file name (routes use kamelet:<file name>)",
                    "set 'name: " + expected + "' under metadata, or rename the file to " + name + ".kamelet.yaml"));
        }
        Map<String, Object> definition = YamlMaps.map(YamlMaps.map(root, "spec"), "definition");
        Map<String, Object> properties = YamlMaps.map(definition, "properties");
        List<Object> required = definition.get("required") instanceof List<?> l ? (List<Object>) l : List.of();
        Map<String, Boolean> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            Map<String, Object> spec = p.getValue() instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            boolean req = required.contains(p.getKey()) && !spec.containsKey("default");
            parameters.put(p.getKey(), req);
            for (String attr : List.of("title", "description", "type")) {
                if (!(spec.get(attr) instanceof String s) || s.isBlank()) {
                    problems.add(new ConfigException(where, "spec.definition.properties." + p.getKey() + "." + attr,
                            null, "the parameter has no " + attr + "; every parameter needs a title, a full-sentence"
                                    + " description and a type",
                            "add '" + attr + ": ...' under spec.definition.properties." + p.getKey()));
                }
            }
        }
        for (Object r : required) {
            if (!properties.containsKey(String.valueOf(r))) {
                problems.add(new ConfigException(where, "spec.definition.required", String.valueOf(r),
                        "a required parameter that is not declared under properties", "declare it or remove it"));
            }
        }
        Set<String> used = new TreeSet<>();
        placeholders(YamlMaps.map(root, "spec").get("template"), used);
        for (String p : parameters.keySet()) {
            if (!used.contains(p)) {
                problems.add(new ConfigException(where, "spec.definition.properties." + p, null,
                        "the parameter is declared but spec.template never uses it",
                        "use it as {{" + p + "}} in spec.template, or remove the declaration"));
            }
        }
        for (String u : used) {
            if (!parameters.containsKey(u) && !u.contains(".") && !u.equals("routeId")) {
                problems.add(new ConfigException(where, "spec.template", "{{" + u + "}}",
                        "the template uses a parameter that is not declared",
                        "declare '" + u + "' with title, description and type under spec.definition.properties,"
                                + " or correct the placeholder's spelling"));
            }
        }
        return new Connector(expected, where, parameters);
    }

    /** The parameter names of every {@code {{name}}} placeholder in the template's keys and values. */
    private static void placeholders(Object node, Set<String> used) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                placeholders(e.getKey(), used);
                placeholders(e.getValue(), used);
            }
        } else if (node instanceof List<?> list) {
            list.forEach(item -> placeholders(item, used));
        } else if (node instanceof String text) {
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) {
                if (m.group(2) == null || !PROPERTY_FUNCTIONS.contains(m.group(1))) {
                    used.add(m.group(1));
                }
            }
        }
    }

    /** For listing what a route may use in messages. */
    static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }
}
