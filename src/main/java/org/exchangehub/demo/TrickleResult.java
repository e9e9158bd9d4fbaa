package org.exchangehub.demo;

import java.time.Instant;
import java.util.List;

/**
 * What one {@link MarketRegulationDatabase#trickle(int, int)} did: the rows it inserted, the rows it changed and
 * the change time ({@code GXSJ}) it gave all of them, which is later than every change time before it.
 *
 * @param inserted   the inserted rows, with what the hub should do with each
 * @param updated    the changed rows: id and the column that changed
 * @param changeTime the {@code GXSJ} of every inserted and updated row
 */
public record TrickleResult(List<EnterpriseRow> inserted, List<Update> updated, Instant changeTime) {

    public TrickleResult {
        inserted = List.copyOf(inserted);
        updated = List.copyOf(updated);
    }

    /** One changed row: {@code column} is {@code DJZT} (status) or {@code ZCZB} (capital). */
    public record Update(long id, String column) {
    }

    /** Ids of the changed rows, in the order they were changed. */
    public List<Long> updatedIds() {
        return updated.stream().map(Update::id).toList();
    }

    /** Inserted rows the hub should deliver. */
    public long expectedValidInserted() {
        return inserted.stream().filter(EnterpriseRow::expectedValid).count();
    }
}
