package org.exchangehub.kit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Function;

import org.exchangehub.ops.RejectExports;
import org.exchangehub.state.RejectQuery;
import org.exchangehub.state.StateStore;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code rejects <feed> [--run R] [--since DATE|INSTANT] [--status open|all] [--format csv|jsonl|xlsx]
 * [--out FILE|-] [--unmask REASON]}: the feed's rejects back to its department, from the hub's state store.
 * Personal values are masked; {@code --unmask} writes them in clear and records who (the OS user) and why in the
 * audit trail first.
 */
final class RejectsCommand {

    private static final String USAGE = "usage: rejects <feed> [--run RUN] [--since 2026-12-01|INSTANT]"
            + " [--status open|all] [--format csv|jsonl|xlsx] [--out FILE|-] [--unmask REASON]";

    private RejectsCommand() {
    }

    static int run(String[] args, Function<Kit.HubStart, ConfigurableApplicationContext> hub, PrintStream out,
            PrintStream err) {
        Options o = Options.parse(args, 1, Set.of("run", "since", "status", "format", "out", "unmask"));
        if (o.words.size() != 1) {
            throw new IllegalArgumentException(USAGE);
        }
        String feed = o.words.get(0);
        RejectExports.Format format = RejectExports.Format.of(o.get("format", "csv"));
        String status = o.get("status", o.options.containsKey("run") ? "all" : "open");
        if (!status.equals("open") && !status.equals("all")) {
            throw new IllegalArgumentException("--status is open or all, not " + status);
        }
        String since = o.get("since", null);
        RejectQuery query = new RejectQuery(feed, o.get("run", null), since == null ? null : instant(since),
                status.equals("open"));
        String reason = o.get("unmask", null);
        RejectExports.Unmask unmask = reason == null ? null
                : new RejectExports.Unmask("kit:" + System.getProperty("user.name"), reason);
        String target = o.get("out", "rejects-" + feed.replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension);
        try (ConfigurableApplicationContext context = Kit.startQuiet(hub, o.passOn)) {
            RejectExports exports = context.getBean(RejectExports.class);
            context.getBean(StateStore.class); // the store the hub's settings name, migrated on start
            long count;
            if (target.equals("-")) {
                OutputStream stdout = new BufferedOutputStream(out);
                count = exports.export(query, format, stdout, unmask);
                stdout.flush();
            } else {
                Path file = Path.of(target);
                try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file))) {
                    count = exports.export(query, format, stream, unmask);
                }
            }
            (target.equals("-") ? err : out).println("rejects: " + count + " " + status + " reject"
                    + (count == 1 ? "" : "s") + " of " + feed + (query.runId() == null ? "" : " run " + query.runId())
                    + (target.equals("-") ? "" : " written to " + target) + " (" + format.extension + ", "
                    + (unmask == null ? "personal values masked" : "IN CLEAR, recorded in the audit trail") + ")");
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since is a date (2026-12-01) or an instant (2026-12-01T08:00:00Z),"
                    + " not " + text);
        }
    }
}
