package org.exchangehub.mapping;

import java.util.List;

/**
 * A record that failed: every failing field with its reason, and the raw source form.
 *
 * @param sourceKey  the record's key in the source system
 * @param rawForm    the record as the source gave it (JSON object of column to text)
 * @param violations one or more failing fields
 */
public record Rejection(String sourceKey, String rawForm, List<Violation> violations) {

    public Rejection {
        violations = List.copyOf(violations);
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one violation");
        }
    }
}
