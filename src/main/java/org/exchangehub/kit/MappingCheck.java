package org.exchangehub.kit;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.Derivation;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.Rule;
import org.exchangehub.config.ConfigException;
import org.exchangehub.mapping.MappingLoader;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks one mapping file against the catalogue and reports every problem, not only the first: unknown dataset
 * fields, required fields left unmapped, code tables that map to a non-standard code or are not quoted. Whatever
 * else the hub's own {@link MappingLoader} rejects (units, date patterns, defaults) is added when these checks
 * found nothing, so {@code validate} never accepts a mapping the hub would refuse.
 */
final class MappingCheck {

    private MappingCheck() {
    }

    static List<ConfigException> check(Path file, Catalogue catalogue, DivisionCodes divisions) {
        List<ConfigException> problems = new ArrayList<>();
        String where = file.toString();
        Map<?, ?> root;
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r) instanceof Map<?, ?> m ? m : null;
        } catch (Exception e) {
            return loaderProblems(file, catalogue, divisions);
        }
        Dataset dataset = root == null || root.get("dataset") == null ? null
                : catalogue.dataset(String.valueOf(root.get("dataset")));
        if (dataset == null || !(root.get("fields") instanceof Map<?, ?> fields)) {
            return loaderProblems(file, catalogue, divisions);
        }
        for (Map.Entry<?, ?> e : fields.entrySet()) {
            String name = String.valueOf(e.getKey());
            FieldSpec spec = dataset.field(name);
            if (spec == null) {
                problems.add(new ConfigException(where, "fields." + name, null,
                        "unknown dataset field: " + dataset.name() + " has no field '" + name + "'",
                        "use one of " + dataset.fields().stream().map(FieldSpec::name).toList()
                                + " or remove it"));
            } else if (e.getValue() instanceof Map<?, ?> settings && settings.get("codes") instanceof Map<?, ?> codes) {
                checkCodes(where, spec, codes, problems);
            }
        }
        for (FieldSpec spec : dataset.fields()) {
            if (spec.required() && !fields.containsKey(spec.name()) && !derivable(spec, fields)) {
                problems.add(new ConfigException(where, "fields", null,
                        "unmapped required field: " + dataset.name() + "." + spec.name()
                                + " is required and the mapping neither fills nor derives it",
                        "add '" + spec.name() + ": { from: <source column> }' (or '{ default: <value> }') under fields"));
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(loaderProblems(file, catalogue, divisions));
        }
        return problems;
    }

    private static void checkCodes(String where, FieldSpec spec, Map<?, ?> codes, List<ConfigException> problems) {
        Rule rule = Rule.of(spec.rule());
        if (rule != Rule.CODE && rule != Rule.SEX_CODE) {
            return; // the loader names this one
        }
        for (Map.Entry<?, ?> c : codes.entrySet()) {
            String key = "fields." + spec.name() + ".codes." + c.getKey();
            String target = String.valueOf(c.getValue());
            if (!(c.getKey() instanceof String)) {
                problems.add(new ConfigException(where, key, String.valueOf(c.getKey()),
                        "code table gap: the source code is not quoted, so YAML reads it as a number and leading"
                                + " zeros are lost", "quote it: \"" + c.getKey() + "\": \"" + target + "\""));
            }
            if (!spec.codes().containsKey(target)) {
                problems.add(new ConfigException(where, key, target,
                        "code table gap: maps to '" + target + "', which is not a standard code of " + spec.name(),
                        "map it to one of " + standardCodes(spec)));
            }
        }
    }

    private static String standardCodes(FieldSpec spec) {
        StringBuilder sb = new StringBuilder();
        spec.codes().forEach((code, label) -> sb.append(sb.isEmpty() ? "" : ", ").append(code).append(" (")
                .append(label).append(')'));
        return sb.toString();
    }

    private static boolean derivable(FieldSpec spec, Map<?, ?> fields) {
        return spec.derive() != null && fields.containsKey(Derivation.of(spec.derive()).sourceField());
    }

    private static List<ConfigException> loaderProblems(Path file, Catalogue catalogue, DivisionCodes divisions) {
        try {
            MappingLoader.load(file, catalogue, divisions);
            return List.of();
        } catch (ConfigException e) {
            return List.of(e);
        }
    }
}
