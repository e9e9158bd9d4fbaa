package org.exchangehub.state;

import java.nio.charset.StandardCharsets;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.carrotsearch.hppc.LongHashSet;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import org.exchangehub.mapping.Rejection;

/**
 * The source keys of one feed's open rejects (neither resolved nor replayed), as the state store keeps them between
 * the run's start and its commits, so that a delivered batch resolves its open rejects without a query.
 * <p>A run settles each batch once, in batch order, where its records are still in the cache: on the thread that
 * mapped them, before the batch is written ({@link #settle}). Settling takes the delivered keys that were open out of
 * the set and puts the batch's own rejects in; the batch's commit then marks exactly those keys resolved
 * ({@link Settled}). Settling in mapping order rather than commit order is what keeps a reject of batch n that batch
 * n+1 delivers resolved by n+1, although n+1 is mapped before n is committed. A run whose commit fails leaves the set
 * ahead of the database; the next run's start reloads it.
 * <p>The keys are kept as 64-bit fingerprints (Guava's FarmHash fingerprint) in a primitive set (HPPC), 8 bytes a key
 * instead of a string each, so that a feed with half a million open rejects holds a few MB, not tens. Two keys that
 * share a fingerprint (about one chance in 10^7 with a million open keys) would only make a commit look for an
 * unresolved reject of a key that has none, which changes nothing: the resolving update matches the feed's
 * unresolved rejects by their key.
 */
public final class OpenRejects {

    private static final HashFunction FINGERPRINT = Hashing.farmHashFingerprint64();

    private final LongHashSet keys = new LongHashSet();

    OpenRejects() {
    }

    /** Whether no reject of the feed is open. */
    synchronized boolean isEmpty() {
        return keys.isEmpty();
    }

    /** Counts a key as open. */
    synchronized void open(String key) {
        if (key != null) {
            keys.add(fingerprint(key));
        }
    }

    /**
     * The key's UTF-8, fingerprinted. A source key is mostly ASCII, whose UTF-8 is a copy of the string's own bytes;
     * hashing its UTF-16 chars instead went through a byte buffer a char at a time, a fifth of the mapping thread's
     * time on the file scenario. The fingerprints live only in memory, made afresh at each run's start.
     */
    private static long fingerprint(String key) {
        return FINGERPRINT.hashBytes(key.getBytes(StandardCharsets.UTF_8)).asLong();
    }

    /**
     * Settles one batch: the distinct keys among {@code deliveredKeys} that were open are no longer open (they are
     * returned, for the batch's commit to mark resolved), and the source keys of {@code rejections} are open from now.
     */
    public synchronized Settled settle(List<String> deliveredKeys, List<Rejection> rejections) {
        List<String> resolved = resolvedBy(deliveredKeys);
        remove(resolved);
        add(rejections);
        return new Settled(resolved);
    }

    /** The distinct keys among {@code deliveredKeys} that are open, in their order; the set is unchanged. */
    synchronized List<String> resolvedBy(Collection<String> deliveredKeys) {
        if (keys.isEmpty() || deliveredKeys.isEmpty()) {
            return List.of();
        }
        List<String> resolved = new ArrayList<>();
        Set<String> taken = null;
        for (String key : deliveredKeys) {
            if (key != null && keys.contains(fingerprint(key))) {
                if (taken == null) {
                    taken = new HashSet<>();
                }
                if (taken.add(key)) {
                    resolved.add(key);
                }
            }
        }
        return resolved;
    }

    synchronized void remove(Collection<String> resolved) {
        for (String key : resolved) {
            keys.remove(fingerprint(key));
        }
    }

    synchronized void add(List<Rejection> rejections) {
        for (Rejection r : rejections) {
            open(r.sourceKey());
        }
    }

    /**
     * The keys a batch resolves, settled by {@link #settle} when it was mapped: passed to
     * {@link StateStore#commitBatch} as its delivered keys, they are marked resolved as they are, and the set is not
     * changed again by the commit.
     */
    public static final class Settled extends AbstractList<String> {

        private final List<String> resolved;

        Settled(List<String> resolved) {
            this.resolved = resolved; // made by resolvedBy for this batch alone
        }

        @Override
        public String get(int index) {
            return resolved.get(index);
        }

        @Override
        public int size() {
            return resolved.size();
        }
    }
}
