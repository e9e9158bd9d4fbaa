package org.exchangehub.source.file;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * One connection to a department's drop folder (a local folder, or a folder on an FTP, FTPS or SFTP server) for
 * the length of one run. Names are plain file names inside the folder; the source refuses any other before it
 * calls these methods, and implementations refuse them again.
 */
interface DropFolder extends Closeable {

    /** The plain files directly in the folder (no sub-folders, no links followed out of it). */
    List<DropEntry> list() throws IOException;

    /** The file's bytes; the caller closes the stream before the next call. */
    InputStream open(String name) throws IOException;

    /** Moves a file into a sub-folder (created when missing), keeping its name, or {@code name.suffix} if taken. */
    void moveTo(String name, String subFolder, String suffix) throws IOException;

    void delete(String name) throws IOException;

    /** Writes a small file (a report) into a sub-folder, created when missing. */
    void write(String subFolder, String name, byte[] content) throws IOException;

    /** Where this is, for logs and reports: {@code ftp://host:21/dir}, never with credentials. */
    String describe();

    /** Refuses a name that could leave the folder; a second line of defence behind {@link FileNames}. */
    static String checked(String name) {
        if (!FileNames.isPlain(name)) {
            throw new IllegalArgumentException("refused file name outside the drop folder: " + FileNames.printable(name));
        }
        return name;
    }
}
