package org.exchangehub.state;

import java.time.LocalDateTime;

/**
 * A row delivered inside the look-back window, remembered so that re-reading the window does not deliver
 * it twice.
 *
 * @param key        the row's key in the source
 * @param changeTime its change time
 */
public record SeenRow(String key, LocalDateTime changeTime) {
}
