package org.exchangehub.sink.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Keeps each run's receipt file up to date: merges a new file into what the receipt on disk already
 * lists (so a restarted hub or a retried batch keeps every earlier entry) and replaces the receipt
 * atomically, so a reader never sees half of it.
 */
final class ReceiptBook {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Receipt updates are tiny next to writing Parquet; one lock keeps read-merge-write consistent. */
    private final ReentrantLock lock = new ReentrantLock();

    /** Adds (or replaces, by path) {@code file} in the receipt at {@code path}; null only refreshes it. */
    LakeReceipt record(Path path, String feed, String runId, String dataset, LakeFile file) throws IOException {
        lock.lock();
        try {
            List<LakeFile> files = new ArrayList<>();
            if (Files.exists(path)) {
                files.addAll(read(path).files());
            }
            if (file != null) {
                files.removeIf(f -> f.path().equals(file.path()));
                files.add(file);
            }
            files.sort(Comparator.comparing(LakeFile::path));
            long total = files.stream().mapToLong(LakeFile::rows).sum();
            LakeReceipt receipt = new LakeReceipt(feed, runId, dataset, files, total);
            write(path, receipt);
            return receipt;
        } finally {
            lock.unlock();
        }
    }

    static LakeReceipt read(Path path) throws IOException {
        return JSON.readValue(path.toFile(), LakeReceipt.class);
    }

    private static void write(Path path, LakeReceipt receipt) throws IOException {
        Files.createDirectories(path.getParent());
        Path tmp = path.resolveSibling("." + path.getFileName() + ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), receipt);
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
