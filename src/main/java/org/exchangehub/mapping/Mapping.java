package org.exchangehub.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.DivisionCodes;

/**
 * A feed's mapping ({@code config/mappings/<id>.yaml}), validated against the catalogue: which source column
 * fills which dataset field, with units, date patterns, code tables and defaults. Compile it with
 * {@link RecordMapper}.
 */
public final class Mapping {

    private final String id;
    private final String file;
    private final Dataset dataset;
    private final String source;
    private final String changeTime;
    private final Map<String, FieldMapping> fields;
    private final DivisionCodes divisionCodes;

    Mapping(String id, String file, Dataset dataset, String source, String changeTime,
            Map<String, FieldMapping> fields, DivisionCodes divisionCodes) {
        this.id = id;
        this.file = file;
        this.dataset = dataset;
        this.source = source;
        this.changeTime = changeTime;
        this.fields = Map.copyOf(fields);
        this.divisionCodes = divisionCodes;
    }

    /** The mapping id: the file name without {@code .yaml}. */
    public String id() {
        return id;
    }

    /** The file it was read from, for messages. */
    public String file() {
        return file;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** The source system id, written as lineage {@code _source}. */
    public String source() {
        return source;
    }

    /** The source column holding the record's change time (the latest version of a key wins), or null. */
    public String changeTime() {
        return changeTime;
    }

    /** How a dataset field is filled, or null when the mapping leaves it to derivation (or null). */
    public FieldMapping field(String fieldName) {
        return fields.get(fieldName);
    }

    /** The mapped fields, in schema order. */
    public List<FieldMapping> fields() {
        List<FieldMapping> out = new ArrayList<>();
        dataset.fields().forEach(f -> {
            FieldMapping m = fields.get(f.name());
            if (m != null) {
                out.add(m);
            }
        });
        return out;
    }

    /** Every source column the mapping reads (fields in schema order, then the change time), e.g. for a query. */
    public List<String> sourceColumns() {
        Set<String> cols = new LinkedHashSet<>();
        fields().forEach(f -> {
            if (f.from() != null) {
                cols.add(f.from());
            }
        });
        if (changeTime != null) {
            cols.add(changeTime);
        }
        return List.copyOf(cols);
    }

    public DivisionCodes divisionCodes() {
        return divisionCodes;
    }

    @Override
    public String toString() {
        return "Mapping[" + id + " -> " + dataset.name() + "]";
    }
}
