package org.exchangehub.state;

import java.time.LocalDateTime;

/**
 * How far a feed has delivered: the change time of the last delivered row and its key. Rows that share
 * the change time are told apart by the key; a look-back window covers rows that committed late.
 *
 * @param changeTime the source's change time of the last delivered row (the source's own clock)
 * @param key        that row's key in the source, as text
 */
public record Watermark(LocalDateTime changeTime, String key) {

    @Override
    public String toString() {
        return changeTime + "/" + key;
    }
}
