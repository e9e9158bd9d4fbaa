package org.exchangehub.ops;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.mapping.FieldMapping;
import org.exchangehub.unify.BatchMapper;
import org.exchangehub.unify.FeedMappings;

/**
 * Masks the raw source form of rejected records for operations, driven by the catalogue's {@code sensitive}
 * flags: a source column that a feed mapping maps onto a sensitive field is masked by that field's rule; a
 * column the mapping does not name is hidden (we cannot tell what it holds); the change-time column is shown.
 * Source keys and watermark keys are masked when they could be personal.
 */
final class Masking {

    private final Catalogue catalogue;
    private final FeedMappings mappings;

    Masking(Catalogue catalogue, FeedMappings mappings) {
        this.catalogue = catalogue;
        this.mappings = mappings;
    }

    /** The masks of the mapping of {@code dataset} from {@code source}, by lower-case column name. */
    ColumnMasks columns(String dataset, String source) {
        for (String name : mappings.names()) {
            BatchMapper mapper = mappings.mapper(name);
            if (mapper.dataset().name().equals(dataset) && java.util.Objects.equals(mapper.mapping().source(), source)) {
                Map<String, Mask> masks = new HashMap<>();
                for (FieldSpec spec : mapper.dataset().fields()) {
                    FieldMapping fm = mapper.mapping().field(spec.name());
                    if (fm != null && fm.from() != null) {
                        String column = fm.from().toLowerCase(Locale.ROOT);
                        Mask mask = spec.sensitive() ? Mask.forRule(spec.rule()) : null;
                        if (masks.get(column) == null) { // a column feeding a sensitive field stays masked
                            masks.put(column, mask);
                        }
                    }
                }
                String change = mapper.mapping().changeTime();
                return new ColumnMasks(masks, change == null ? null : change.toLowerCase(Locale.ROOT));
            }
        }
        return new ColumnMasks(Map.of(), null);
    }

    /**
     * A watermark or source key shown outside the hub: masked as an ID number when the dataset's business key
     * is personal (a source keyed by citizens), shown otherwise.
     */
    String key(String dataset, String key) {
        if (key == null) {
            return null;
        }
        Dataset d = dataset == null ? null : catalogue.dataset(dataset);
        boolean personal = d == null || d.businessKey().stream().map(d::field).anyMatch(f -> f != null && f.sensitive());
        return personal ? Mask.ID_NUMBER.apply(key) : key;
    }

    /** A watermark text {@code changeTime/key} with its key masked as {@link #key} says. */
    String watermark(String dataset, String watermark) {
        if (watermark == null) {
            return null;
        }
        int slash = watermark.indexOf('/');
        return slash < 0 ? watermark : watermark.substring(0, slash + 1) + key(dataset, watermark.substring(slash + 1));
    }

    /** The masks of one mapping's source columns. */
    static final class ColumnMasks {

        private final Map<String, Mask> masks;
        private final String changeColumn;

        ColumnMasks(Map<String, Mask> masks, String changeColumn) {
            this.masks = masks;
            this.changeColumn = changeColumn;
        }

        /**
         * The record's columns with every value masked as its mapping says; the unmapped column holding the
         * source key is shown like the key itself.
         */
        Map<String, String> apply(Map<String, String> raw, String sourceKey) {
            Map<String, String> shown = new LinkedHashMap<>();
            raw.forEach((column, value) -> shown.put(column, value(column, value, sourceKey)));
            return shown;
        }

        private String value(String column, String value, String sourceKey) {
            String c = column.toLowerCase(Locale.ROOT);
            if (value == null || c.equals(changeColumn)) {
                return value;
            }
            if (!masks.containsKey(c)) {
                return value.equals(sourceKey) ? sourceKey(sourceKey, Map.of()) : Mask.HIDDEN.apply(value);
            }
            Mask mask = masks.get(c);
            return mask == null ? value : mask.apply(value);
        }

        /** The source key, masked by the rule of a sensitive column that holds the same value. */
        String sourceKey(String key, Map<String, String> raw) {
            if (key == null) {
                return null;
            }
            for (Map.Entry<String, String> e : raw.entrySet()) {
                Mask mask = masks.get(e.getKey().toLowerCase(Locale.ROOT));
                if (mask != null && key.equals(e.getValue())) {
                    return mask.apply(key);
                }
            }
            return key;
        }
    }
}
