package org.exchangehub.kit;

import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.exchangehub.config.ConfigException;
import org.exchangehub.config.RouteFiles;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.FeedSelection;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The integration engineer's commands, run from the fat jar or Maven instead of starting the hub:
 * {@code validate}, {@code dry-run <feed>}, {@code scaffold <kind> ...}, {@code rejects <feed>} and
 * {@code decrypt <lake file>}. Each returns a process exit code.
 */
public final class Kit {

    private static final Set<String> COMMANDS = Set.of("validate", "dry-run", "scaffold", "rejects", "decrypt");

    private Kit() {
    }

    /** Whether the first argument names a kit command. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs the command.
     *
     * @param hub starts the hub with the given settings and arguments (the application's own start-up)
     */
    public static int run(String[] args, Function<HubStart, ConfigurableApplicationContext> hub, PrintStream out,
            PrintStream err) {
        try {
            return switch (args[0]) {
                case "validate" -> validate(args, out);
                case "dry-run" -> dryRun(args, hub, out);
                case "rejects" -> RejectsCommand.run(args, hub, out, err);
                case "decrypt" -> DecryptCommand.run(args, hub, out, err);
                default -> Scaffold.run(args, hub, out);
            };
        } catch (IllegalArgumentException e) {
            err.println(args[0] + ": " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println(args[0] + " failed: " + e.getMessage() + rootCause(e));
            return 1;
        }
    }

    /** The innermost cause's message, which says what went wrong when Spring wraps it in bean-creation errors. */
    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null || e.getMessage() != null && e.getMessage()
                .contains(root.getMessage()) ? "" : " (" + root.getMessage() + ")";
    }

    /** What a command needs of the hub: its settings and the arguments for Spring. */
    public record HubStart(Map<String, Object> properties, String[] args) {
    }

    /** Starts the hub quietly, without a web server and without scheduled runs. */
    public static ConfigurableApplicationContext start(Class<?> application, HubStart start) {
        SpringApplication app = new SpringApplication(application);
        app.setWebApplicationType(WebApplicationType.NONE);
        // as arguments, so that they win over application.yml; the engineer's own --name=value come later and win
        List<String> args = new ArrayList<>();
        start.properties().forEach((k, v) -> args.add("--" + k + "=" + v));
        args.addAll(Arrays.asList(start.args()));
        return app.run(args.toArray(String[]::new));
    }

    static int validate(String[] args, PrintStream out) {
        Options o = Options.parse(args, 1, Set.of("feeds"));
        if (!o.words.isEmpty()) {
            throw new IllegalArgumentException("usage: validate [--feeds ID-OR-GLOB,...] [--spring.profiles.active=P]");
        }
        HubSettings settings = HubSettings.load(o.passOn);
        List<ConfigException> patternProblems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Map<Path, List<String>> routeFiles = new LinkedHashMap<>();
        settings.routeFiles(patternProblems, warnings).forEach(f -> routeFiles.put(f, RouteFiles.routeIds(f)));
        warnings.forEach(w -> out.println("warning: " + w));
        List<String> feeds = FeedSelection.of(o.get("feeds", null))
                .select(routeFiles.values().stream().flatMap(List::stream).toList());
        routeFiles.values().removeIf(ids -> !ids.isEmpty() && ids.stream().noneMatch(feeds::contains));
        Validator.Project project = new Validator.Project(settings.routesDir(), settings.connectorsDir(),
                settings.configDir(), settings.dataSources(), List.copyOf(routeFiles.keySet()), patternProblems);
        List<Problem> problems = Validator.validate(project);
        problems.forEach(out::println);
        if (problems.isEmpty()) {
            out.println("validate: OK (" + project.routes() + ", " + project.connectors() + ", "
                    + project.config() + "; data sources " + project.dataSources() + "; feeds " + feeds + ")");
            return 0;
        }
        out.println("validate: " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s"));
        return 1;
    }

    private static int dryRun(String[] args, Function<HubStart, ConfigurableApplicationContext> hub, PrintStream out) {
        Options o = Options.parse(args, 1, Set.of("limit", "sample", "format", "encoding", "feeds"));
        if (o.words.size() + (o.options.containsKey("feeds") ? 1 : 0) != 1) {
            throw new IllegalArgumentException("usage: dry-run <feed id or glob> | --feeds ID-OR-GLOB,... [--limit N]"
                    + " [--sample FILE.csv] [--encoding UTF-8|GBK] [--format table|json]");
        }
        String format = o.get("format", "table");
        if (!format.equals("table") && !format.equals("json")) {
            throw new IllegalArgumentException("--format is table or json, not " + format);
        }
        int limit = o.integer("limit", 20);
        Path sample = o.options.containsKey("sample") ? Path.of(o.get("sample", null)) : null;
        Charset encoding = Charset.forName(o.get("encoding", "UTF-8"));
        FeedSelection selection = FeedSelection.of(o.words.isEmpty() ? o.get("feeds", null) : o.words.get(0));
        try (ConfigurableApplicationContext context = startHub(hub, o.passOn)) {
            FeedRegistry registry = context.getBean(FeedRegistry.class);
            List<String> feeds = selection.select(registry.feedIds());
            for (String feed : feeds) {
                DryRun run;
                try {
                    run = DryRunner.dryRun(registry, feed, limit, sample, encoding);
                } catch (RuntimeException e) {
                    Credentials.Missing missing = Credentials.missing(e).orElseThrow(() -> e);
                    throw new IllegalArgumentException("feed " + feed + ": " + missing.message(), e);
                }
                if (format.equals("json")) {
                    RecordPrinter.json(run, out);
                } else {
                    if (feeds.size() > 1) {
                        out.println();
                    }
                    RecordPrinter.table(run, out);
                }
            }
        }
        return 0;
    }

    /** The hub for dry-run; a setting the configuration needs but nobody gave (a password) is said plainly. */
    static ConfigurableApplicationContext startQuiet(Function<HubStart, ConfigurableApplicationContext> hub,
            List<String> passOn) {
        return startHub(hub, passOn);
    }

    private static ConfigurableApplicationContext startHub(Function<HubStart, ConfigurableApplicationContext> hub,
            List<String> passOn) {
        try {
            return hub.apply(new HubStart(quietHub(), passOn.toArray(String[]::new)));
        } catch (RuntimeException e) {
            Credentials.Missing missing = Credentials.missing(e).orElseThrow(() -> e);
            throw new IllegalArgumentException(missing.message(), e);
        }
    }

    /** The hub for a command: no schedules, no demo trickle, only warnings in the log. */
    static Map<String, Object> quietHub() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("hub.scheduling-enabled", "false");
        p.put("hub.demo.market-regulation.trickle-interval", "365d");
        p.put("logging.level.root", "WARN");
        p.put("logging.level.org.exchangehub", "WARN");
        p.put("logging.level.org.apache.camel.spring.boot", "ERROR");
        // a hub that cannot start is the command's to explain, in one line (see run), not a logged stack trace
        p.put("logging.level.org.springframework.boot.SpringApplication", "OFF");
        p.put("logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter", "OFF");
        p.put("spring.main.banner-mode", "off");
        return p;
    }

}
