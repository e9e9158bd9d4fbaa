package org.exchangehub.kit;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;

/**
 * Guesses which source column feeds which dataset field, which holds the change time and which the record's key:
 * by the names the glossary lists ({@code config/glossary.yaml}: Chinese headers, pinyin initials such as SFZH,
 * English names), then by similarity to the field's own name (idNumber, ID_NUMBER). Every guess is only that:
 * the scaffold marks each one for review.
 */
final class Guesses {

    private final Glossary glossary;

    private Guesses(Glossary glossary) {
        this.glossary = glossary;
    }

    /** The guesses of a project's config folder (its glossary). */
    static Guesses of(Path configDir) {
        return new Guesses(Glossary.load(configDir));
    }

    /** The guesses of the project in the working folder. */
    static Guesses project() {
        return of(Path.of("config"));
    }

    /** Upper-case letters and digits of a name's last dotted part, for comparing with field names. */
    static String normalise(String column) {
        String last = column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column;
        return last.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    /** The dataset field a column likely feeds in {@code dataset}, or null. */
    String field(Dataset dataset, String column) {
        String listed = glossary.field(dataset::hasField, column);
        if (listed != null) {
            return listed;
        }
        String n = normalise(column);
        if (n.isEmpty()) {
            return null;
        }
        for (FieldSpec f : dataset.fields()) {
            String fn = f.name().toUpperCase(Locale.ROOT).replace("_", "");
            if (fn.equals(n) || (n.length() >= 4 && fn.startsWith(n)) || (fn.length() >= 4 && n.equals(fn.replace("CNY", "")))) {
                return f.name();
            }
        }
        return null;
    }

    /** Dataset field → first column guessed for it, in column order. */
    Map<String, String> fields(Dataset dataset, List<String> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : columns) {
            String f = field(dataset, c);
            if (f != null) {
                out.putIfAbsent(f, c);
            }
        }
        return out;
    }

    /** The dataset most columns match (the required fields count double). */
    Dataset dataset(Catalogue catalogue, List<String> columns) {
        Dataset best = null;
        int bestScore = -1;
        for (Dataset d : catalogue.datasets()) {
            int score = 0;
            for (String f : fields(d, columns).keySet()) {
                score += d.field(f).required() ? 2 : 1;
                if (d.businessKey().contains(f)) {
                    score += 3;
                }
            }
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /** Whether a column's name says it holds the record's change time. */
    boolean isChangeTime(String column) {
        return glossary.isChangeTime(column);
    }

    /** Whether a column's name says it holds the record's key in the source. */
    boolean isKey(String column) {
        return glossary.isKey(column);
    }
}
