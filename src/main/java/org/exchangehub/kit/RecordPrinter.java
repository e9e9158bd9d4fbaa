package org.exchangehub.kit;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.Json;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.UnifiedRecord;
import org.exchangehub.mapping.Violation;

/**
 * Prints a dry run's unified records and rejects as a table or as JSON lines for tools; either way personal
 * fields are masked, as the catalogue's {@code sensitive} flags say.
 */
final class RecordPrinter {

    private RecordPrinter() {
    }

    static void table(DryRun run, PrintStream out) {
        Dataset dataset = run.dataset();
        out.printf("feed %s: read %s, unified %d, rejected %d (dry run: nothing delivered, no state moved)%n",
                run.feedId(), run.readSummary(), run.records().size(), run.rejections().size());
        // a dry run leaves such a file in place; the real run sets it aside with a report
        run.notes().forEach(n -> out.println(n + " (dry run: left in place)"));
        if (dataset != null && !run.records().isEmpty()) {
            List<String> header = new ArrayList<>(List.of("_source_key"));
            dataset.fields().forEach(f -> header.add(f.name() + (f.sensitive() ? "*" : "")));
            List<List<String>> rows = new ArrayList<>();
            for (UnifiedRecord r : run.records()) {
                List<String> row = new ArrayList<>(List.of(r.sourceKey()));
                for (int i = 0; i < dataset.fields().size(); i++) {
                    row.add(shown(dataset.fields().get(i), r.values()[i]));
                }
                rows.add(row);
            }
            out.println();
            out.println("unified records (" + dataset.name() + "; * = personal, masked):");
            print(header, rows, out);
        }
        if (!run.rejections().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (Rejection r : run.rejections()) {
                for (Violation v : r.violations()) {
                    rows.add(List.of(r.sourceKey(), v.reason().name(), v.field() == null ? "" : v.field(),
                            v.detail() == null ? "" : v.detail()));
                }
            }
            out.println();
            out.println("rejects:");
            print(List.of("_source_key", "reason", "field", "detail"), rows, out);
        }
    }

    static void json(DryRun run, PrintStream out) {
        Dataset dataset = run.dataset();
        for (UnifiedRecord r : run.records()) {
            StringBuilder sb = new StringBuilder("{\"record\":{");
            Json.appendString(sb, "_source_key").append(':');
            Json.appendString(sb, r.sourceKey());
            for (int i = 0; i < dataset.fields().size(); i++) {
                sb.append(',');
                Json.appendString(sb, dataset.fields().get(i).name()).append(':');
                if (r.values()[i] == null) {
                    sb.append("null");
                } else {
                    Json.appendString(sb, shown(dataset.fields().get(i), r.values()[i]));
                }
            }
            out.println(sb.append("}}"));
        }
        for (Rejection r : run.rejections()) {
            StringBuilder sb = new StringBuilder("{\"reject\":{\"_source_key\":");
            Json.appendString(sb, r.sourceKey()).append(",\"reasons\":[");
            for (int i = 0; i < r.violations().size(); i++) {
                Violation v = r.violations().get(i);
                sb.append(i == 0 ? "" : ",").append("{\"reason\":");
                Json.appendString(sb, v.reason().name()).append(",\"field\":");
                Json.appendString(sb, v.field() == null ? "" : v.field()).append(",\"detail\":");
                Json.appendString(sb, v.detail() == null ? "" : v.detail()).append('}');
            }
            out.println(sb.append("]}}"));
        }
        for (String n : run.notes()) {
            out.println(Json.appendString(new StringBuilder("{\"note\":"), n).append('}'));
        }
        StringBuilder summary = new StringBuilder("{\"summary\":{\"feed\":");
        Json.appendString(summary, run.feedId()).append(",\"read\":").append(run.read())
                .append(",\"unified\":").append(run.records().size())
                .append(",\"rejected\":").append(run.rejections().size())
                .append(",\"limit\":").append(run.limit())
                .append(",\"sourceHasMore\":").append(run.isCutAtLimit()).append("}}");
        out.println(summary);
    }

    /** A value as shown in the table: personal values keep only their first and last character. */
    static String shown(FieldSpec field, Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!field.sensitive()) {
            return s;
        }
        if (s.length() <= 2) {
            return s.charAt(0) + "*";
        }
        return s.charAt(0) + "*".repeat(s.length() - 2) + s.charAt(s.length() - 1);
    }

    private static void print(List<String> header, List<List<String>> rows, PrintStream out) {
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(header.get(i));
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], width(row.get(i)));
            }
        }
        line(header, widths, out);
        for (List<String> row : rows) {
            line(row, widths, out);
        }
    }

    private static void line(List<String> cells, int[] widths, PrintStream out) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            sb.append(c).append(" ".repeat(widths[i] - width(c) + 2));
        }
        out.println(sb.toString().stripTrailing());
    }

    /** Display width: CJK characters take two columns in a terminal. */
    private static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            w += s.charAt(i) >= 0x1100 ? 2 : 1;
        }
        return w;
    }
}
