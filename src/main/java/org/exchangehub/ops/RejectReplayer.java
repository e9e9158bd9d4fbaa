package org.exchangehub.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.state.QuarantineRecord;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.unify.FeedMappings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a run's quarantined records after a mapping fix: reloads the mappings from disk, reads each
 * record back from its raw form and sends them down the feed's route as a run of their own. Records the
 * mapping now accepts are delivered by the feed's sinks; the others are quarantined again under the replay
 * run. The original rejects are then marked as replayed, so that they are never replayed twice.
 */
final class RejectReplayer {

    private static final Logger LOG = LoggerFactory.getLogger(RejectReplayer.class);

    private final StateStore state;
    private final FeedMappings mappings;
    private final int batchSize;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    RejectReplayer(StateStore state, FeedMappings mappings, int batchSize) {
        this.state = state;
        this.mappings = mappings;
        this.batchSize = Math.max(1, batchSize);
    }

    /** What a replay did. */
    record Outcome(String runId, String replayRunId, int taken, long delivered, long rejectedAgain, int unreadable,
            RunStatus status, String error) {

        @Override
        public String toString() {
            if (replayRunId == null) {
                return "run " + runId + ": nothing to replay (" + unreadable + " rejects without a readable raw form)";
            }
            return "replay run " + replayRunId + " of run " + runId + " " + status + ": " + taken
                    + " taken from the quarantine, " + delivered + " delivered, " + rejectedAgain
                    + " still rejected (quarantined under the replay run), " + unreadable + " not replayable"
                    + (error == null ? "" : ": " + error);
        }
    }

    Outcome replay(FeedConsumer feed, String runId) {
        RunRecord run = state.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId
                + " in the exchange log"));
        if (!run.feedId().equals(feed.feedId())) {
            throw new IllegalArgumentException("run " + runId + " belongs to feed " + run.feedId() + ", not "
                    + feed.feedId());
        }
        synchronized (locks.computeIfAbsent(feed.feedId(), k -> new Object())) {
            mappings.reload();
            List<QuarantineRecord> rejects = state.replayableRejections(runId);
            List<SourceRecord> records = new ArrayList<>(rejects.size());
            List<Long> ids = new ArrayList<>(rejects.size());
            Map<List<String>, SourceLayout> layouts = new HashMap<>();
            int unreadable = 0;
            for (QuarantineRecord reject : rejects) {
                Map<String, String> columns = RawForms.columns(reject.rawForm());
                if (columns == null) {
                    unreadable++;
                    continue;
                }
                SourceLayout layout = layouts.computeIfAbsent(List.copyOf(columns.keySet()), SourceLayout::new);
                records.add(new SourceRecord(reject.sourceKey(), layout, columns.values().toArray()));
                ids.add(reject.id());
            }
            if (records.isEmpty()) {
                return new Outcome(runId, null, 0, 0, 0, unreadable, null, null);
            }
            RunRecord replay = feed.replay(runId, records, batchSize);
            if (replay.status() == RunStatus.SUCCEEDED) {
                state.markReplayed(ids, replay.runId());
            }
            Outcome outcome = new Outcome(runId, replay.runId(), records.size(), replay.rowsDelivered(),
                    replay.rowsRejected(), unreadable, replay.status(), replay.error());
            LOG.info("feed {}: {}", feed.feedId(), outcome);
            return outcome;
        }
    }
}
