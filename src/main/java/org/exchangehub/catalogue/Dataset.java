package org.exchangehub.catalogue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A dataset of the unified catalogue: its fields in schema order and its business key. */
public final class Dataset {

    private final String name;
    private final String title;
    private final List<String> businessKey;
    private final List<FieldSpec> fields;
    private final Map<String, Integer> index = new HashMap<>();

    public Dataset(String name, String title, List<String> businessKey, List<FieldSpec> fields) {
        this.name = name;
        this.title = title;
        this.businessKey = List.copyOf(businessKey);
        this.fields = List.copyOf(fields);
        for (int i = 0; i < this.fields.size(); i++) {
            index.put(this.fields.get(i).name(), i);
        }
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public List<String> businessKey() {
        return businessKey;
    }

    /** Fields in schema order; a unified record's values are aligned to this list. */
    public List<FieldSpec> fields() {
        return fields;
    }

    public boolean hasField(String fieldName) {
        return index.containsKey(fieldName);
    }

    /** Position of a field in schema order, or -1. */
    public int indexOf(String fieldName) {
        return index.getOrDefault(fieldName, -1);
    }

    public FieldSpec field(String fieldName) {
        int i = indexOf(fieldName);
        return i < 0 ? null : fields.get(i);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + "]";
    }
}
