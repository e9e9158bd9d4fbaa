package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;

/** How a feed's files are laid out (CSV, fixed-width, XML), configured once per feed and used per file. */
interface FileFormat {

    /** Starts reading one file; the reader owns {@code in} and closes it. */
    RecordReader open(InputStream in) throws IOException;

    /** Whether a file that does not end with a line break is taken as truncated (line formats only). */
    boolean isLineBased();

    /** Whether each file names its own columns (a CSV header), so that a file may lack a column the mapping reads. */
    default boolean namesItsColumns() {
        return false;
    }
}
