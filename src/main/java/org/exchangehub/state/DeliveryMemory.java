package org.exchangehub.state;

import java.util.List;

/**
 * What a batch adds to the feed's memory of unchanged records, committed with the batch: the business keys (as
 * digests) and record hashes it delivered, and the rejects it read again (by digest), whose last-seen time moves.
 *
 * @param delivered        key digest and record hash of each delivered record
 * @param rejectsSeenAgain digests ({@link Digests#reject}) of rejects already quarantined
 */
public record DeliveryMemory(List<Delivered> delivered, List<String> rejectsSeenAgain) {

    /** One delivered record: the digest of its business key and its record hash. */
    public record Delivered(String keyDigest, String recordHash) {
    }
}
