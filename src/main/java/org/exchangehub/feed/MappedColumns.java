package org.exchangehub.feed;

import java.util.Map;

/**
 * The source columns a feed's mapping reads, for the check of the source's schema before a run.
 *
 * @param mapping       the mapping's name
 * @param file          the mapping file, for messages
 * @param fieldByColumn each source column the mapping reads (as written in the mapping) with the dataset field(s) it
 *                      fills
 */
public record MappedColumns(String mapping, String file, Map<String, String> fieldByColumn) {

    public MappedColumns {
        fieldByColumn = Map.copyOf(fieldByColumn);
    }
}
