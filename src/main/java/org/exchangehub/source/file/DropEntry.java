package org.exchangehub.source.file;

import java.time.Instant;

/**
 * One plain file in a drop folder's listing.
 *
 * @param name         its name in the folder (never a path)
 * @param size         its size in bytes as listed
 * @param lastModified when it last changed, or null when the server does not say
 */
record DropEntry(String name, long size, Instant lastModified) {
}
