package org.exchangehub.source.file;

import java.util.Locale;

/** Where a drop folder lives. */
enum Protocol {
    FILE, FTP, FTPS, SFTP;

    String scheme() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean isRemote() {
        return this != FILE;
    }
}
