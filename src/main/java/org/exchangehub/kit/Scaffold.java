package org.exchangehub.kit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Set;
import java.util.function.Function;

import javax.sql.DataSource;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code scaffold jdbc|csv|fixed|json|soap}: drafts a feed's mapping (and route, where a source connector exists)
 * from a source's shape, every guess marked {@code # REVIEW:}. Prints the drafts, or writes them under
 * {@code --out} (never over an existing file).
 */
final class Scaffold {

    private static final Set<String> OPTIONS = Set.of("department", "feed", "dataset", "out", "table", "data-source",
            "url", "user", "password", "encoding", "layout");

    private Scaffold() {
    }

    static int run(String[] args, Function<Kit.HubStart, ConfigurableApplicationContext> hub, PrintStream out)
            throws IllegalArgumentException {
        Options o = Options.parse(args, 1, OPTIONS);
        if (o.words.isEmpty()) {
            throw new IllegalArgumentException(usage());
        }
        String department = required(o, "department");
        String feed = required(o, "feed");
        if (!(department + "." + feed).matches("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("--department and --feed are lower-case words joined by '-', e.g."
                    + " --department market-regulation --feed enterprises");
        }
        HubSettings settings = HubSettings.load(o.passOn);
        Catalogue catalogue = CatalogueLoader.load(settings.configDir().resolve("catalogue"));
        Guesses guesses = Guesses.of(settings.configDir());
        SourceShape shape;
        try {
            shape = shape(o, hub, guesses);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof org.exchangehub.config.ConfigException config) {
                    throw new IllegalArgumentException("the hub cannot start to reach the source: "
                            + config.getMessage() + " (run validate)", e);
                }
            }
            throw new IllegalArgumentException("cannot read the source: " + e.getMessage(), e);
        }
        Drafts.Draft draft = Drafts.draft(shape, catalogue, o.options.get("dataset"), department, feed, guesses);
        String layout = shape.kind().equals("fixed") ? layoutDraft(o.get("layout", "")) : null;
        if (o.options.containsKey("out")) {
            Path root = Path.of(o.get("out", "."));
            write(root.resolve(settings.configDir()).resolve("mappings").resolve(draft.name() + ".yaml"), draft.mapping(), out);
            if (layout != null) {
                write(root.resolve(settings.configDir()).resolve("layouts").resolve(draft.name() + ".yaml"), layout, out);
            }
            if (draft.route() != null) {
                write(root.resolve(settings.routesDir()).resolve(draft.name() + ".yaml"), draft.route(), out);
            }
        } else {
            out.println("# ---- config/mappings/" + draft.name() + ".yaml");
            out.print(draft.mapping());
            if (layout != null) {
                out.println("# ---- config/layouts/" + draft.name() + ".yaml");
                out.print(layout);
            }
            if (draft.route() != null) {
                out.println("# ---- routes/" + draft.name() + ".yaml");
                out.print(draft.route());
            }
        }
        return 0;
    }

    private static SourceShape shape(Options o, Function<Kit.HubStart, ConfigurableApplicationContext> hub,
            Guesses guesses) throws Exception {
        String kind = o.words.get(0);
        Charset encoding = Charset.forName(o.get("encoding", "UTF-8"));
        switch (kind) {
            case "jdbc" -> {
                String table = required(o, "table");
                if (o.options.containsKey("url")) {
                    try (Connection c = DriverManager.getConnection(o.get("url", null), o.get("user", null),
                            o.get("password", null))) {
                        return ShapeReaders.jdbc(c, table, o.options.get("data-source"), guesses);
                    }
                }
                String name = required(o, "data-source");
                try (ConfigurableApplicationContext context = hub.apply(new Kit.HubStart(Kit.quietHub(),
                        o.passOn.toArray(String[]::new))); Connection c = context.getBean(name, DataSource.class).getConnection()) {
                    c.setReadOnly(true);
                    return ShapeReaders.jdbc(c, table, name, guesses);
                }
            }
            case "csv" -> {
                Path file = file(o);
                byte[] bytes = Files.readAllBytes(file);
                Charset cs = o.options.containsKey("encoding") ? encoding : detect(bytes);
                return ShapeReaders.csv(file.getFileName().toString(), new String(bytes, cs), cs.name(), guesses);
            }
            case "fixed" -> {
                return ShapeReaders.fixed(required(o, "layout"), o.get("encoding", "GBK"), guesses);
            }
            case "json" -> {
                Path file = file(o);
                return ShapeReaders.json(file.getFileName().toString(), Files.readString(file, encoding), guesses);
            }
            case "soap" -> {
                Path file = file(o);
                return ShapeReaders.soap(file.getFileName().toString(), Files.readString(file, encoding), guesses);
            }
            default -> throw new IllegalArgumentException(usage());
        }
    }

    /** UTF-8 if the bytes are valid UTF-8, else GBK: what departments' exports are, short of a BOM. */
    static Charset detect(byte[] bytes) {
        try {
            java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return java.nio.charset.StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException e) {
            return Charset.forName("GBK");
        }
    }

    /** A fixed-width layout file drafted from NAME:WIDTH,...: each field's first byte and width. */
    static String layoutDraft(String spec) {
        StringBuilder sb = new StringBuilder("# Drafted by `scaffold fixed` from --layout " + spec + ".\n"
                + "# start: first byte (1-based); length: bytes in the file's charset (a Chinese character is 2 in GBK).\n"
                + "# REVIEW: check each width against the department's record description.\n");
        sb.append("cut_characters: reject\nfields:\n");
        int start = 1;
        for (String part : spec.split(",")) {
            String[] nw = part.trim().split(":");
            int width = Integer.parseInt(nw[1].trim());
            sb.append("  - { name: ").append(nw[0].trim()).append(", start: ").append(start).append(", length: ")
                    .append(width).append(" }\n");
            start += width;
        }
        return sb.toString();
    }

    private static Path file(Options o) {
        if (o.words.size() < 2) {
            throw new IllegalArgumentException("give the sample file: scaffold " + o.words.get(0) + " FILE ...");
        }
        return Path.of(o.words.get(1));
    }

    private static String required(Options o, String name) {
        String v = o.options.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required. " + usage());
        }
        return v;
    }

    private static void write(Path file, String text, PrintStream out) {
        try {
            if (Files.exists(file)) {
                throw new IllegalArgumentException(file + " exists; scaffold never overwrites a file");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            out.println("wrote " + file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    static String usage() {
        return "usage: scaffold jdbc --table T (--data-source NAME | --url JDBC-URL --user U --password P)"
                + " | csv FILE | fixed --layout NAME:WIDTH,... | json FILE | soap FILE;"
                + " then --department D --feed F [--dataset NAME] [--out DIR]";
    }
}
