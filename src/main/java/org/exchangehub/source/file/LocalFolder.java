package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** A drop folder on a local or mounted file system. Symbolic links are not followed. */
final class LocalFolder implements DropFolder {

    private final Path dir;

    LocalFolder(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("the drop folder " + dir.toAbsolutePath() + " does not exist or is not a folder");
        }
        this.dir = dir;
    }

    @Override
    public List<DropEntry> list() throws IOException {
        List<DropEntry> entries = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isRegularFile()) {
                    entries.add(new DropEntry(p.getFileName().toString(), a.size(), a.lastModifiedTime().toInstant()));
                }
            }
        }
        return entries;
    }

    /** The file itself: a local file needs no spooling. */
    Path path(String name) {
        return dir.resolve(DropFolder.checked(name));
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(path(name), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void moveTo(String name, String subFolder, String suffix) throws IOException {
        Path target = Files.createDirectories(dir.resolve(subFolder));
        Path dest = target.resolve(name);
        if (Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
            dest = target.resolve(name + "." + suffix); // an earlier version of the file: keep both
        }
        Files.move(path(name), dest, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(path(name));
    }

    @Override
    public void write(String subFolder, String name, byte[] content) throws IOException {
        Path target = Files.createDirectories(dir.resolve(subFolder)).resolve(DropFolder.checked(name));
        Path tmp = target.resolveSibling("." + name + ".tmp");
        Files.write(tmp, content);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String describe() {
        return "file:" + dir.toAbsolutePath();
    }

    @Override
    public void close() {
    }
}
