package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One version of a dropped file, held locally: a remote file is copied once to a spool file (so that the bytes
 * hashed, checked and delivered are the same bytes even if the sender overwrites the file meanwhile); a local
 * file is read in place. Carries the file's size, SHA-256 and whether it ends with a line break.
 *
 * @param path            where to read the bytes
 * @param size            bytes
 * @param sha256          hex
 * @param endsWithNewline whether the last byte is LF (an empty file counts as ending with one)
 * @param temporary       whether {@code path} is a spool file to delete after the run
 */
record Spooled(Path path, long size, String sha256, boolean endsWithNewline, boolean temporary) {

    /** Copies {@code in} to a new file in {@code workDir}, hashing as it goes. */
    static Spooled copy(InputStream in, Path workDir) throws IOException {
        Files.createDirectories(workDir);
        Path spool = Files.createTempFile(workDir, "drop-", ".spool");
        try (OutputStream out = Files.newOutputStream(spool)) {
            return digest(in, out, spool, true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
    }

    /** Hashes a local file in place. */
    static Spooled inPlace(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return digest(in, null, file, false);
        }
    }

    private static Spooled digest(InputStream in, OutputStream out, Path path, boolean temporary) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        int last = '\n';
        int n;
        while ((n = in.read(buffer)) >= 0) {
            if (n == 0) {
                continue;
            }
            sha.update(buffer, 0, n);
            if (out != null) {
                out.write(buffer, 0, n);
            }
            size += n;
            last = buffer[n - 1];
        }
        return new Spooled(path, size, HexFormat.of().formatHex(sha.digest()), last == '\n', temporary);
    }

    /** Whether the file's last byte is LF (an empty file counts as ending with one), read without reading the rest. */
    static boolean endsWithNewline(Path file) throws IOException {
        try (java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file)) {
            long size = channel.size();
            if (size == 0) {
                return true;
            }
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.position(size - 1);
            while (last.hasRemaining() && channel.read(last) >= 0) {
                // one byte
            }
            return last.position() == 1 && last.get(0) == '\n';
        }
    }

    void release() throws IOException {
        if (temporary) {
            Files.deleteIfExists(path);
        }
    }
}
