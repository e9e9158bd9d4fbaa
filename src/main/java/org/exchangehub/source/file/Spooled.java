package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One version of a dropped file as Camel placed it locally (a local file in place, a remote file in the work
 * folder): its size and SHA-256, so that the version delivered is remembered by content.
 *
 * @param path   where the bytes are, or null for a file set aside unread
 * @param size   bytes
 * @param sha256 hex
 */
record Spooled(Path path, long size, String sha256) {

    /** Hashes a local file in place. */
    static Spooled inPlace(Path file) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                sha.update(buffer, 0, n);
                size += n;
            }
        }
        return new Spooled(file, size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Whether the file's last byte is LF (an empty file counts as ending with one), read without reading the rest. */
    static boolean endsWithNewline(Path file) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.position(size - 1);
            while (last.hasRemaining() && channel.read(last) >= 0) {
                // one byte
            }
            return last.position() == 1 && last.get(0) == '\n';
        }
    }
}
