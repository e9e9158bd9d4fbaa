package org.exchangehub.source.file;

/** What happens to a delivered file (and its done-marker) in the drop folder. */
enum AfterRead {
    /** Moved into the done sub-folder. */
    MOVE,
    /** Left where it is; the state store remembers it was delivered. */
    LEAVE,
    /** Deleted. */
    DELETE
}
