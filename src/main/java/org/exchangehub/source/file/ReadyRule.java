package org.exchangehub.source.file;

/** How the source tells that a dropped file is complete and may be read; chosen per feed. */
enum ReadyRule {
    /** A marker file beside the data file (e.g. {@code NAME.ok}) is written after it; without it the file waits. */
    DONE_MARKER,
    /** The sender uploads under a temporary name and renames when done: every matching non-temporary name is complete. */
    RENAME,
    /** The file is complete when its last change is at least the minimum age ago and its size has not changed since the previous poll. */
    STABLE
}
