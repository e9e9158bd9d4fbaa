package org.exchangehub.demo;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What {@link MarketRegulationDatabase#seed(int)} inserted: the id range and how many rows of each kind, so a
 * test knows how many records the hub should deliver and how many it should quarantine.
 *
 * @param firstId first inserted id
 * @param rows    rows inserted (ids {@code firstId .. firstId + rows - 1})
 * @param kinds   rows per kind; kinds that did not occur are absent
 */
public record SeedResult(long firstId, int rows, Map<RowKind, Integer> kinds) {

    public SeedResult {
        kinds = Collections.unmodifiableMap(kinds.isEmpty() ? new EnumMap<>(RowKind.class) : new EnumMap<>(kinds));
    }

    /** Last inserted id, or {@code firstId - 1} when nothing was inserted. */
    public long lastId() {
        return firstId + rows - 1;
    }

    /** Rows the hub should deliver. */
    public int expectedValid() {
        int valid = 0;
        for (Map.Entry<RowKind, Integer> entry : kinds.entrySet()) {
            if (entry.getKey().expectedValid()) {
                valid += entry.getValue();
            }
        }
        return valid;
    }

    /** Rows the hub should quarantine. */
    public int expectedRejected() {
        return rows - expectedValid();
    }

    /** Rows of one kind. */
    public int count(RowKind kind) {
        return kinds.getOrDefault(kind, 0);
    }
}
