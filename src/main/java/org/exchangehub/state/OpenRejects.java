package org.exchangehub.state;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 */
public final class OpenRejects {

    private final Set<String> keys;

    OpenRejects(Set<String> keys) {
        this.keys = keys;
    }

    /** Whether no reject of the feed is open. */
    public boolean isEmpty() {
        return keys.isEmpty();
    }

    /**
     * Settles one batch: the distinct keys among {@code deliveredKeys} that were open are no longer open (they are
     * returned, for the batch's commit to mark resolved), and the source keys of {@code rejections} are open from now.
     */
    public Settled settle(List<String> deliveredKeys, List<Rejection> rejections) {
        List<String> resolved = resolvedBy(deliveredKeys);
        resolved.forEach(keys::remove);
        add(rejections);
        return new Settled(resolved);
    }

    /** The distinct keys among {@code deliveredKeys} that are open, in their order; the set is unchanged. */
    List<String> resolvedBy(Collection<String> deliveredKeys) {
        if (keys.isEmpty() || deliveredKeys.isEmpty()) {
            return List.of();
        }
        List<String> resolved = new ArrayList<>();
        Set<String> taken = null;
        for (String key : deliveredKeys) {
            if (key != null && keys.contains(key)) {
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

    void remove(Collection<String> resolved) {
        resolved.forEach(keys::remove);
    }

    void add(List<Rejection> rejections) {
        for (Rejection r : rejections) {
            if (r.sourceKey() != null) {
                keys.add(r.sourceKey());
            }
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
            this.resolved = List.copyOf(resolved);
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
