package org.exchangehub.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.Derivation;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.FieldType;
import org.exchangehub.catalogue.Rule;
import org.exchangehub.catalogue.YamlNode;
import org.exchangehub.config.ConfigException;
import org.exchangehub.standards.DatePatterns;
import org.exchangehub.standards.MoneyUnit;
import org.exchangehub.standards.Text;

/**
 * Reads a mapping file and checks it against the catalogue, so that a mistake stops start-up with the file, the
 * key and the fix instead of quarantining every record of a run.
 */
public final class MappingLoader {

    private static final Set<String> TOP_KEYS = Set.of("dataset", "source", "change_time", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("from", "default", "unit", "formats", "codes",
            "standard_codes");

    private MappingLoader() {
    }

    /** Every {@code *.yaml} of a folder, by mapping id. */
    public static Map<String, Mapping> loadAll(Path dir, Catalogue catalogue, DivisionCodes divisions) {
        Map<String, Mapping> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                Mapping m = load(f, catalogue, divisions);
                out.put(m.id(), m);
            }
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), null, null, "cannot be listed: " + e.getMessage(),
                    "point the mappings setting at the folder holding <id>.yaml files");
        }
        return out;
    }

    public static Mapping load(Path file, Catalogue catalogue, DivisionCodes divisions) {
        YamlNode root = YamlNode.read(file);
        root.allowOnly(TOP_KEYS, "a mapping");
        String datasetName = root.requiredString("dataset", "name the target dataset: " + catalogue.names());
        Dataset dataset = catalogue.dataset(datasetName);
        if (dataset == null) {
            throw root.error("dataset", datasetName, "is not a dataset of the catalogue",
                    "use one of " + catalogue.names());
        }
        String source = root.requiredString("source", "name the source system (lineage _source), e.g. market-regulation");
        String changeTime = root.string("change_time");
        YamlNode fieldsNode = root.child("fields");
        if (fieldsNode == null || fieldsNode.keys().isEmpty()) {
            throw root.error("fields", null, "is missing or empty", "map each dataset field, e.g. name: { from: QYMC }");
        }
        Map<String, FieldMapping> fields = new LinkedHashMap<>();
        for (String name : fieldsNode.keys()) {
            FieldSpec spec = dataset.field(name);
            if (spec == null) {
                throw fieldsNode.error(name, null, "is not a field of dataset " + datasetName,
                        "use one of " + fieldNames(dataset));
            }
            fields.put(name, field(fieldsNode, spec, dataset.indexOf(name), divisions));
        }
        for (FieldSpec spec : dataset.fields()) {
            if (spec.required() && !fields.containsKey(spec.name()) && !derivable(spec, fields)) {
                throw root.error("fields", spec.name(), "leaves the required field " + spec.name()
                        + " of " + datasetName + " unmapped, and it cannot be derived",
                        "add fields." + spec.name() + ": { from: <source column> } or { default: <value> }");
            }
        }
        String id = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        return new Mapping(id, file.toString(), dataset, source, changeTime, fields, divisions);
    }

    private static FieldMapping field(YamlNode fieldsNode, FieldSpec spec, int index, DivisionCodes divisions) {
        String name = spec.name();
        YamlNode n = fieldsNode.child(name);
        if (n == null) {
            throw fieldsNode.error(name, null, "has no settings", "write e.g. " + name + ": { from: COLUMN }");
        }
        n.allowOnly(FIELD_KEYS, "a mapping field");
        String from = n.string("from");
        if (from != null && from.isBlank()) {
            throw n.error("from", from, "is blank", "name the source column");
        }
        String dflt = n.string("default");
        if (from == null && dflt == null) {
            throw n.error(null, null, "gives neither 'from' nor 'default'", "add from: <source column> or default: <value>");
        }
        MoneyUnit unit = null;
        String unitName = n.string("unit");
        if (unitName != null) {
            if (spec.type() != FieldType.DECIMAL) {
                throw n.error("unit", unitName, "applies only to decimal fields, " + name + " is "
                        + spec.type().name().toLowerCase(), "remove it");
            }
            unit = MoneyUnit.of(unitName.trim());
            if (unit == null) {
                throw n.error("unit", unitName, "is not a known unit", "use 元, 万 or 万元");
            }
        }
        List<String> formats = n.stringList("formats");
        if (!formats.isEmpty()) {
            if (spec.type() != FieldType.DATE) {
                throw n.error("formats", formats, "applies only to date fields", "remove it");
            }
            for (String f : formats) {
                try {
                    DatePatterns.of(List.of(f));
                } catch (IllegalArgumentException e) {
                    throw n.error("formats", f, e.getMessage(),
                            "write a java.time pattern with year, month and day, e.g. yyyyMMdd or dd.MM.yyyy");
                }
            }
        }
        Map<String, String> codes = n.stringMap("codes");
        if (!codes.isEmpty()) {
            Rule rule = Rule.of(spec.rule());
            if (rule != Rule.CODE && rule != Rule.SEX_CODE) {
                throw n.error("codes", null, "applies only to coded fields, " + name + " is not one", "remove it");
            }
            for (Map.Entry<String, String> e : codes.entrySet()) {
                if (!spec.codes().containsKey(e.getValue())) {
                    throw n.error("codes." + e.getKey(), e.getValue(), "is not a standard code of " + name,
                            "map to one of " + spec.codes().keySet() + " " + spec.codes().values());
                }
            }
        }
        boolean acceptStandard = standardCodes(n, codes);
        FieldMapping fm = new FieldMapping(name, from == null ? null : from.trim(), dflt, unit, formats, codes,
                acceptStandard);
        if (dflt != null) {
            checkDefault(n, fm, spec, index, divisions);
        }
        return fm;
    }

    /**
     * {@code standard_codes: accept | reject}: whether values outside the department's code table may still be read
     * as the catalogue's standard codes. Only meaningful next to a code table, which is closed unless it says accept.
     */
    private static boolean standardCodes(YamlNode n, Map<String, String> codes) {
        String value = n.string("standard_codes");
        if (value == null) {
            return codes.isEmpty();
        }
        if (codes.isEmpty()) {
            throw n.error("standard_codes", value, "applies only next to a code table (codes)",
                    "remove it: without codes the standard codes are accepted anyway");
        }
        return switch (value.trim()) {
            case "accept" -> true;
            case "reject" -> false;
            default -> throw n.error("standard_codes", value, "is neither accept nor reject",
                    "write standard_codes: accept to also take the catalogue's standard codes and words, or leave"
                            + " it out to accept only the department's codes");
        };
    }

    private static void checkDefault(YamlNode n, FieldMapping fm, FieldSpec spec, int index, DivisionCodes divisions) {
        String cleaned = Text.clean(fm.defaultValue());
        Row row = new Row(index + 1, LocalDate.now());
        Object v = cleaned == null ? null : FieldConverter.of(spec, index, fm, divisions).text(cleaned, row);
        if (v == null) {
            String why = row.hasViolations() ? row.violations().get(0).detail() : "is blank or unusable";
            throw n.error("default", fm.defaultValue(), "does not pass the rule " + spec.rule() + " of "
                    + spec.name() + ": " + why, "give a valid " + spec.name() + " or remove the default");
        }
    }

    private static boolean derivable(FieldSpec spec, Map<String, FieldMapping> fields) {
        return spec.derive() != null && fields.containsKey(Derivation.of(spec.derive()).sourceField());
    }

    private static String fieldNames(Dataset dataset) {
        return dataset.fields().stream().map(FieldSpec::name).toList().toString();
    }
}
