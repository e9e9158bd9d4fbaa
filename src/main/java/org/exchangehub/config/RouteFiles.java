package org.exchangehub.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.camel.util.AntPathMatcher;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The route files Camel would load: those matched by {@code camel.main.routes-include-pattern} (comma-separated
 * {@code file:} Ant patterns) and not by {@code camel.main.routes-exclude-pattern}, matched the way Camel matches
 * them, so that start-up and {@code validate} check exactly the feeds a profile starts. An include pattern that
 * matches no file is a problem of its own: it is almost always a typo, and it would otherwise start fewer feeds
 * silently. An exclude pattern that matches no file is only worth a warning: a deployment may well have deleted the
 * example routes the production profile leaves out.
 */
public final class RouteFiles {

    private static final String INCLUDE_KEY = "camel.main.routes-include-pattern";
    private static final String EXCLUDE_KEY = "camel.main.routes-exclude-pattern";
    private static final String FILE = "file:";

    private RouteFiles() {
    }

    /**
     * The selected files, in path order; each include pattern that matches nothing is added to {@code problems},
     * each exclude pattern that matches nothing to {@code warnings}. {@code classpath:} patterns are Camel's to
     * resolve and are skipped.
     *
     * @param exclude may be null or blank
     */
    public static List<Path> select(String include, String exclude, List<ConfigException> problems,
            List<String> warnings) {
        Set<Path> included = new LinkedHashSet<>();
        for (String pattern : patterns(include)) {
            if (!pattern.startsWith(FILE) && pattern.contains(":")) {
                continue;
            }
            String path = pattern.startsWith(FILE) ? pattern.substring(FILE.length()) : pattern;
            Path base = base(path);
            List<Path> matched = matching(base, path);
            if (matched.isEmpty()) {
                problems.add(new ConfigException("application configuration", INCLUDE_KEY, include,
                        "routes pattern " + pattern + " matches no file in " + base
                                + (Files.isDirectory(base) ? "" : " (the folder does not exist)"),
                        "start in the project folder, or correct the pattern (e.g. file:routes/*.yaml)"));
            }
            included.addAll(matched);
        }
        List<Path> selected = new ArrayList<>(included);
        for (String pattern : patterns(exclude)) {
            List<Path> excluded = selected.stream().filter(p -> excludes(pattern, p)).toList();
            if (excluded.isEmpty()) {
                warnings.add(EXCLUDE_KEY + ": routes pattern " + pattern + " matches no file in "
                        + included.stream().map(RouteFiles::folderOf).distinct().sorted().toList()
                        + "; it leaves out nothing (correct it, or remove it if the file is gone on purpose)");
            }
            selected.removeAll(excluded);
        }
        return selected.stream().sorted().toList();
    }

    /** The route ids a routes file declares ({@code - route: { id: ... }}), in file order; empty when unreadable. */
    public static List<String> routeIds(Path file) {
        Object root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (IOException | RuntimeException e) {
            return List.of(); // RouteValidator reports unreadable files
        }
        List<String> ids = new ArrayList<>();
        if (root instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get("route") instanceof Map<?, ?> route
                        && route.get("id") instanceof String id) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    private static List<String> patterns(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Stream.of(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The folder before the first path segment with a wildcard. */
    private static Path base(String path) {
        int wildcard = firstWildcard(path);
        if (wildcard < 0) {
            Path p = Path.of(path);
            return p.getParent() == null ? Path.of(".") : p.getParent();
        }
        int slash = path.lastIndexOf('/', wildcard);
        return Path.of(slash <= 0 ? (slash == 0 ? "/" : ".") : path.substring(0, slash));
    }

    private static int firstWildcard(String path) {
        int star = path.indexOf('*');
        int question = path.indexOf('?');
        return star < 0 ? question : question < 0 ? star : Math.min(star, question);
    }

    private static List<Path> matching(Path base, String pattern) {
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        String normalised = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        try (Stream<Path> s = Files.walk(base)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> AntPathMatcher.INSTANCE.match(normalised, slashed(p)))
                    .sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Camel matches an exclude pattern against the resource's location ({@code file:routes/x.yaml}). */
    private static boolean excludes(String pattern, Path file) {
        String path = slashed(file);
        return AntPathMatcher.INSTANCE.match(pattern, FILE + path) || AntPathMatcher.INSTANCE.match(pattern, path);
    }

    private static String slashed(Path p) {
        String s = p.toString().replace('\\', '/');
        return s.startsWith("./") ? s.substring(2) : s;
    }

    private static Path folderOf(Path file) {
        return file.getParent() == null ? Path.of(".") : file.getParent();
    }
}
