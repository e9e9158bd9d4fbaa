package org.exchangehub.source.file;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;
import org.exchangehub.state.StateStore;

/**
 * The hub's memory of delivered files as Camel's {@link IdempotentRepository}, used non-eager
 * ({@code idempotentEager=false}) with the key {@link #KEY} (name, size and last-modified time as listed).
 * A version is delivered when the transaction of its last batch, after every sink confirmed, remembers its name,
 * size and SHA-256; Camel's {@code add} after a successful exchange then ties that content to the listing, so a
 * file left in place is skipped without a download. A listing the store does not know is downloaded and hashed:
 * new content is a new version, the same content (touched, or copied again) is recognised by its hash.
 */
final class DeliveredFiles extends ServiceSupport implements IdempotentRepository {

    /** The {@code idempotentKey}: a file name holds no '/', so the last two '/' split the key unambiguously. */
    static final String KEY = "${file:onlyname}/${file:size}/${file:modified}";

    private final StateStore store;
    private final String feedId;
    /** Content hashes of the files the current exchange read, by key, until Camel adds or drops them. */
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    DeliveredFiles(StateStore store, String feedId) {
        this.store = store;
        this.feedId = feedId;
    }

    String feedId() {
        return feedId;
    }

    /** Called once the file's bytes were hashed, before its exchange completes. */
    void hashed(String key, String sha256) {
        hashes.put(key, sha256);
    }

    @Override
    public boolean contains(String key) {
        Listing l = Listing.parse(key);
        return l != null && store.isFileListed(feedId, l.name, l.size, l.modified);
    }

    /** Camel calls this only after the exchange of the file succeeded (non-eager). */
    @Override
    public boolean add(String key) {
        String sha256 = hashes.remove(key);
        Listing l = Listing.parse(key);
        return sha256 != null && l != null && store.fileListed(feedId, l.name, l.size, sha256, l.modified);
    }

    /** A failed exchange: its hash is forgotten, and the store never learned of it. */
    @Override
    public boolean remove(String key) {
        return hashes.remove(key) != null;
    }

    @Override
    public boolean confirm(String key) {
        return true;
    }

    /** Delivered files are the hub's record of what reached the sinks; they are never cleared from here. */
    @Override
    public void clear() {
        hashes.clear();
    }

    private record Listing(String name, long size, long modified) {
        static Listing parse(String key) {
            int m = key.lastIndexOf('/');
            int s = m > 0 ? key.lastIndexOf('/', m - 1) : -1;
            if (s <= 0) {
                return null;
            }
            try {
                return new Listing(key.substring(0, s), Long.parseLong(key.substring(s + 1, m)),
                        Long.parseLong(key.substring(m + 1)));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
