package org.exchangehub.unify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.UnifiedRecord;
import org.exchangehub.state.DeliveryMemory;
import org.exchangehub.state.Digests;
import org.exchangehub.state.StateStore;

/**
 * Takes out of a mapped batch what an earlier run already delivered or quarantined as it is: a record whose
 * business key was delivered with the same record hash, a reject with the same source key and raw form. Two
 * look-ups per batch (one query per thousand records), by digests only; what is delivered is remembered when
 * the batch commits, after every sink confirmed it.
 */
final class UnchangedRecords {

    private final StateStore state;

    UnchangedRecords(StateStore state) {
        this.state = state;
    }

    void skip(Batch batch) {
        List<UnifiedRecord> unified = batch.unified();
        List<String> keys = new ArrayList<>(unified.size());
        for (UnifiedRecord r : unified) {
            keys.add(Digests.key(r.businessKey()));
        }
        Map<String, String> delivered = state.deliveredHashes(batch.feedId(), batch.runId(), new HashSet<>(keys));
        List<UnifiedRecord> changed = new ArrayList<>(unified.size());
        List<DeliveryMemory.Delivered> remember = new ArrayList<>(unified.size());
        int unchanged = 0;
        for (int i = 0; i < unified.size(); i++) {
            UnifiedRecord r = unified.get(i);
            if (r.recordHash().equals(delivered.get(keys.get(i)))) {
                unchanged++;
            } else {
                changed.add(r);
                remember.add(new DeliveryMemory.Delivered(keys.get(i), r.recordHash()));
            }
        }
        List<Rejection> rejections = batch.rejections();
        List<String> digests = rejections.stream().map(Digests::reject).toList();
        Set<String> quarantined = state.quarantinedRejects(batch.feedId(), new HashSet<>(digests));
        List<Rejection> newRejections = new ArrayList<>(rejections.size());
        List<String> seenAgain = new ArrayList<>();
        for (int i = 0; i < rejections.size(); i++) {
            if (quarantined.contains(digests.get(i))) {
                seenAgain.add(digests.get(i));
            } else {
                newRejections.add(rejections.get(i));
            }
        }
        batch.keepChanged(changed, newRejections, unchanged + seenAgain.size(), new DeliveryMemory(remember, seenAgain));
    }
}
