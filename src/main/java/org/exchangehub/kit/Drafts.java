package org.exchangehub.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.Rule;
import org.exchangehub.standards.SexCodes;

/**
 * Writes the draft mapping and route for a {@link SourceShape}: every guess carries a {@code # REVIEW:} comment,
 * and a code value the hub cannot place is left as {@code "?"}, which {@code validate} refuses until it is filled in.
 */
final class Drafts {

    /** Marks a guess for the engineer to check. */
    static final String REVIEW = "# REVIEW:";

    /** A draft: the mapping file and, when a source connector exists, the route file. */
    record Draft(String name, String mapping, String route) {
    }

    private Drafts() {
    }

    static Draft draft(SourceShape shape, Catalogue catalogue, String datasetName, String department, String feed) {
        return draft(shape, catalogue, datasetName, department, feed, Guesses.project());
    }

    static Draft draft(SourceShape shape, Catalogue catalogue, String datasetName, String department, String feed,
            Guesses guesses) {
        Dataset dataset = datasetName != null ? catalogue.dataset(datasetName) : guesses.dataset(catalogue, shape.columnNames());
        if (dataset == null) {
            throw new IllegalArgumentException("no dataset " + datasetName + "; the catalogue has " + catalogue.names());
        }
        String name = department + "-" + feed;
        return new Draft(name, mapping(shape, catalogue, dataset, department, datasetName == null, guesses),
                shape.connector() == null ? null : route(shape, department, feed, name, dataset));
    }

    private static String mapping(SourceShape shape, Catalogue catalogue, Dataset dataset, String department,
            boolean datasetGuessed, Guesses guesses) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Drafted by `scaffold ").append(shape.kind()).append("` from ").append(shape.label())
                .append(". Check every line marked REVIEW, fill in each \"?\", then run validate.\n");
        sb.append("# Source columns: ");
        shape.columns().forEach((c, t) -> sb.append(c).append(" (").append(t).append(") "));
        sb.setLength(sb.length() - 1);
        sb.append('\n');
        sb.append("dataset: ").append(dataset.name());
        if (datasetGuessed) {
            sb.append("  ").append(REVIEW).append(" guessed from the columns; the catalogue has ").append(catalogue.names());
        }
        sb.append('\n');
        sb.append("source: ").append(department).append("  ").append(REVIEW)
                .append(" the source system id (lineage _source)\n");
        if (shape.changeColumn() != null) {
            sb.append("change_time: ").append(shape.changeColumn()).append("  ").append(REVIEW)
                    .append(" guessed change-time column (the latest version of a key wins by it)\n");
        }
        sb.append("fields:\n");
        Map<String, String> guessed = guesses.fields(dataset, shape.columnNames());
        int width = dataset.fields().stream().mapToInt(f -> f.name().length()).max().orElse(10) + 1;
        List<String> missing = new ArrayList<>();
        for (FieldSpec f : dataset.fields()) {
            String column = guessed.get(f.name());
            if (column == null) {
                missing.add(f.name() + (f.required() ? " (required)" : ""));
                continue;
            }
            sb.append("  ").append(pad(f.name() + ":", width)).append(" { from: ").append(column);
            String note = "from " + column + " (" + shape.columns().get(column) + ")";
            Rule rule = Rule.of(f.rule());
            if (rule == Rule.CODE || rule == Rule.SEX_CODE) {
                List<String> unplaced = unplacedCodes(f, rule, shape.samples().getOrDefault(column, List.of()));
                if (!unplaced.isEmpty()) {
                    sb.append(", codes: { ");
                    for (int i = 0; i < unplaced.size(); i++) {
                        sb.append(i == 0 ? "" : ", ").append(quote(unplaced.get(i))).append(": \"?\"");
                    }
                    sb.append(" }");
                    note += "; the table is closed (a value not in it is UNKNOWN_CODE): map each department code"
                            + " to a standard code: " + codes(f);
                }
            }
            if (f.type().name().equals("DECIMAL")) {
                note += "; give unit: 万元 (or 万) if the source counts in ten-thousand yuan";
            }
            sb.append(" }  ").append(REVIEW).append(' ').append(note).append('\n');
        }
        if (!missing.isEmpty()) {
            sb.append("# ").append("No column guessed for: ").append(String.join(", ", missing))
                    .append(". Map them if the source has them.\n");
        }
        Set<String> unused = new TreeSet<>(shape.columns().keySet());
        unused.removeAll(guessed.values());
        if (shape.changeColumn() != null) {
            unused.remove(shape.changeColumn());
        }
        if (!unused.isEmpty()) {
            sb.append("# Columns not mapped: ").append(String.join(", ", unused)).append('\n');
        }
        return sb.toString();
    }

    /**
     * The sampled values for the code table, when some value is one the hub cannot place itself (not a standard
     * code, label or synonym): then every sampled value, since a department's code table is closed and a value left
     * out of it is UNKNOWN_CODE, even one that looks like a standard code. Empty when every value is standard.
     */
    private static List<String> unplacedCodes(FieldSpec f, Rule rule, List<String> samples) {
        List<String> all = new ArrayList<>();
        boolean unplaced = false;
        for (String v : samples) {
            String t = v.trim();
            boolean known = rule == Rule.SEX_CODE ? SexCodes.normalize(t) != null
                    : f.codes().containsKey(t) || f.codes().values().stream()
                            .anyMatch(label -> List.of(label.split("/")).contains(t));
            if (!t.isEmpty() && !all.contains(t)) {
                all.add(t);
                unplaced |= !known;
            }
        }
        return unplaced ? all : List.of();
    }

    private static String codes(FieldSpec f) {
        StringBuilder sb = new StringBuilder();
        f.codes().forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    private static String route(SourceShape shape, String department, String feed, String name, Dataset dataset) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Drafted by `scaffold ").append(shape.kind()).append("` from ").append(shape.label())
                .append(". Check every line marked REVIEW, then run validate and dry-run ").append(department)
                .append('.').append(feed).append(".\n");
        sb.append("- route:\n");
        sb.append("    id: ").append(department).append('.').append(feed).append('\n');
        sb.append("    description: ").append(department).append(' ').append(shape.label().replace(':', ' '))
                .append(" to ").append(dataset.name()).append("  ").append(REVIEW).append(" say what the feed carries\n");
        sb.append("    routeConfigurationId: feed-errors\n");
        sb.append("    from:\n");
        sb.append("      uri: kamelet:").append(shape.connector()).append('\n');
        sb.append("      parameters:\n");
        shape.routeParameters().forEach((k, guess) -> {
            String v = guess.replace("{department}", department).replace("{name}", name);
            sb.append("        ").append(k).append(": ").append(v.startsWith("#") ? v.substring(1) : v);
            if (v.startsWith("#")) {
                sb.append("  ").append(REVIEW).append(" guessed");
            }
            sb.append('\n');
        });
        sb.append("      steps:\n");
        sb.append("        - to:\n");
        sb.append("            uri: kamelet:unified-mapping-action\n");
        sb.append("            parameters:\n");
        sb.append("              mapping: ").append(name).append('\n');
        sb.append("        - to:\n");
        sb.append("            uri: kamelet:lake-sink\n");
        return sb.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
