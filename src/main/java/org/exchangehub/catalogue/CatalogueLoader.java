package org.exchangehub.catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.exchangehub.config.ConfigException;

/**
 * Reads {@code config/catalogue/*.yaml} (one dataset per file, named after it) into a typed {@link Catalogue},
 * rejecting unknown types, rules, derivations, keys and business keys with a message that says how to fix them.
 */
public final class CatalogueLoader {

    private static final Set<String> DATASET_KEYS = Set.of("dataset", "title", "business_key", "fields");
    private static final Set<String> FIELD_KEYS = Set.of("type", "length", "precision", "scale", "required",
            "sensitive", "rule", "derive", "codes", "description", "protect");

    private CatalogueLoader() {
    }

    public static Catalogue load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(dir.toString(), null, null, "is not a directory",
                    "point the catalogue setting at the folder holding <dataset>.yaml files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new ConfigException(dir.toString(), null, null, "cannot be listed: " + e.getMessage(),
                    "check the folder's permissions");
        }
        if (files.isEmpty()) {
            throw new ConfigException(dir.toString(), null, null, "holds no dataset (*.yaml)",
                    "add one <dataset>.yaml per dataset");
        }
        List<Dataset> datasets = new ArrayList<>();
        for (Path f : files) {
            datasets.add(loadDataset(f));
        }
        return new Catalogue(datasets);
    }

    /** Reads one dataset file. */
    public static Dataset loadDataset(Path file) {
        YamlNode root = YamlNode.read(file);
        root.allowOnly(DATASET_KEYS, "a catalogue dataset");
        String name = root.requiredString("dataset", "name the dataset, e.g. 'dataset: person'");
        String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        if (!name.equals(expected)) {
            throw root.error("dataset", name, "differs from the file name " + file.getFileName(),
                    "name the file " + name + ".yaml or the dataset " + expected);
        }
        String title = root.requiredString("title", "give the dataset a short title");
        YamlNode fieldsNode = root.child("fields");
        if (fieldsNode == null || fieldsNode.keys().isEmpty()) {
            throw root.error("fields", null, "is missing or empty", "list the dataset's fields in schema order");
        }
        Map<String, FieldSpec> fields = new LinkedHashMap<>();
        for (String fieldName : fieldsNode.keys()) {
            fields.put(fieldName, field(fieldsNode, fieldName));
        }
        for (FieldSpec f : fields.values()) {
            checkDerivation(fieldsNode, f, fields);
        }
        List<String> key = root.stringList("business_key");
        if (key.isEmpty()) {
            throw root.error("business_key", null, "is missing", "list the fields that identify a record, e.g. [id_number]");
        }
        Set<String> seen = new HashSet<>();
        for (String k : key) {
            if (!fields.containsKey(k)) {
                throw root.error("business_key", k, "names a field the dataset does not have",
                        "use fields of this dataset: " + String.join(", ", fields.keySet()));
            }
            if (!seen.add(k)) {
                throw root.error("business_key", k, "names a field twice", "list each key field once");
            }
        }
        return new Dataset(name, title, key, new ArrayList<>(fields.values()));
    }

    private static FieldSpec field(YamlNode fieldsNode, String name) {
        YamlNode n = fieldsNode.child(name);
        if (n == null) {
            throw fieldsNode.error(name, null, "has no settings", "give at least 'type' and 'rule'");
        }
        n.allowOnly(FIELD_KEYS, "a catalogue field");
        String typeName = n.requiredString("type", "write string, date or decimal");
        FieldType type = switch (typeName) {
            case "string" -> FieldType.STRING;
            case "date" -> FieldType.DATE;
            case "decimal" -> FieldType.DECIMAL;
            default -> throw n.error("type", typeName, "is not a field type", "write string, date or decimal");
        };
        int length = n.integer("length", 0);
        int precision = n.integer("precision", 0);
        int scale = n.integer("scale", 0);
        if (type == FieldType.DECIMAL) {
            if (precision == 0 || scale > precision) {
                throw n.error("precision", precision, "a decimal needs a precision above 0 and a scale not above it",
                        "write e.g. precision: 20 and scale: 2");
            }
        } else if (n.has("precision") || n.has("scale")) {
            throw n.error(n.has("precision") ? "precision" : "scale", null, "applies only to decimal fields",
                    "remove it, or make the field 'type: decimal'");
        }
        if (type != FieldType.STRING && n.has("length")) {
            throw n.error("length", length, "applies only to string fields", "remove it");
        }
        String ruleName = n.requiredString("rule", "name one of: " + Rule.names());
        Rule rule = Rule.of(ruleName);
        if (rule == null) {
            throw n.error("rule", ruleName, "is not a known rule", "use one of: " + Rule.names());
        }
        if (rule.type() != type) {
            throw n.error("rule", ruleName, "applies to " + rule.type().name().toLowerCase() + " fields, this one is "
                    + typeName, "pick a rule for " + typeName + " fields or change the type");
        }
        String derive = n.string("derive");
        if (derive != null && Derivation.of(derive) == null) {
            throw n.error("derive", derive, "is not a known derivation", "use one of: " + Derivation.names());
        }
        Map<String, String> codes = n.stringMap("codes");
        if (rule == Rule.CODE && codes.isEmpty()) {
            throw n.error("codes", null, "is missing: a 'code' field needs its standard code table",
                    "add codes: { \"1\": label, ... }");
        }
        if (!codes.isEmpty() && rule != Rule.CODE && rule != Rule.SEX_CODE) {
            throw n.error("codes", null, "applies only to fields with rule code or sex_code", "remove it");
        }
        for (String code : codes.keySet()) {
            if (length > 0 && code.length() > length) {
                throw n.error("codes", code, "is longer than the field's length " + length,
                        "shorten the code or raise the length");
            }
        }
        boolean sensitive = n.bool("sensitive", false);
        return new FieldSpec(name, type, length, precision, scale, n.bool("required", false), sensitive, ruleName,
                derive, Collections.unmodifiableMap(codes), n.string("description"), protect(n, sensitive));
    }

    private static Protect protect(YamlNode n, boolean sensitive) {
        String value = n.string("protect");
        if (value == null) {
            return Protect.CLEAR;
        }
        Protect protect = Protect.of(value);
        if (protect == null) {
            throw n.error("protect", value, "is not a protection",
                    "write encrypt, pseudonym or clear (the default); one of: " + Protect.names());
        }
        if (!sensitive) {
            throw n.error("protect", value, "applies only to personal fields, this one is not 'sensitive: true'",
                    "remove protect, or mark the field 'sensitive: true' if it holds personal data");
        }
        return protect;
    }

    private static void checkDerivation(YamlNode fieldsNode, FieldSpec f, Map<String, FieldSpec> fields) {
        if (f.derive() == null) {
            return;
        }
        Derivation d = Derivation.of(f.derive());
        FieldSpec from = fields.get(d.sourceField());
        if (f.type() != d.valueType()) {
            throw fieldsNode.error(f.name() + ".derive", f.derive(), "gives a " + d.valueType().name().toLowerCase()
                    + " value, the field is " + f.type().name().toLowerCase(), "remove the derive or fix the type");
        }
        if (from == null || Rule.of(from.rule()) != d.sourceRule()) {
            throw fieldsNode.error(f.name() + ".derive", f.derive(), "needs a field " + d.sourceField()
                    + " with rule " + d.sourceRule().configName() + " in the same dataset",
                    "add that field or remove the derive");
        }
    }
}
