package org.exchangehub.source.file;

import java.io.Closeable;
import java.io.IOException;

import org.exchangehub.feed.SourceLayout;

/** Streams the records of one file, one at a time; never holds the whole file. */
interface RecordReader extends Closeable {

    /** The columns of this file's records (a CSV header, a layout, configured columns). */
    SourceLayout layout();

    /**
     * The next record, or null at the end of the file.
     *
     * @throws BadFileException when the file as a whole cannot be read on (truncated, not well-formed, refused)
     */
    ParsedLine next() throws IOException;
}
