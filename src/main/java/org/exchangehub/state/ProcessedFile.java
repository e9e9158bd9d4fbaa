package org.exchangehub.state;

import java.util.Objects;

/**
 * One version of a dropped file, as a file-drop source remembers it once delivered: the same name with other
 * content (size or hash) is another version and is read again.
 *
 * @param name        the file's name in its drop folder
 * @param size        its size in bytes
 * @param contentHash SHA-256 of its bytes, hex
 */
public record ProcessedFile(String name, long size, String contentHash) {

    public ProcessedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
