package org.exchangehub.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The unified catalogue: every dataset the hub can deliver, by name, as loaded from {@code config/catalogue/}. */
public final class Catalogue {

    private final Map<String, Dataset> datasets;

    public Catalogue(List<Dataset> datasets) {
        Map<String, Dataset> m = new TreeMap<>();
        for (Dataset d : datasets) {
            if (m.put(d.name(), d) != null) {
                throw new IllegalArgumentException("dataset " + d.name() + " given twice");
            }
        }
        this.datasets = m;
    }

    /** The dataset of that name, or null when the catalogue has none. */
    public Dataset dataset(String name) {
        return datasets.get(name);
    }

    /** All datasets, by name. */
    public List<Dataset> datasets() {
        return List.copyOf(datasets.values());
    }

    /** The dataset names, sorted, for messages. */
    public List<String> names() {
        return new ArrayList<>(datasets.keySet());
    }

    @Override
    public String toString() {
        return "Catalogue" + datasets.keySet();
    }
}
