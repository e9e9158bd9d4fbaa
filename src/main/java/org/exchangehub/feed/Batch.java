package org.exchangehub.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.UnifiedRecord;

/**
 * The body of every exchange on a feed's route: a batch of source records of one run, and after the
 * mapping step their unified records and rejections. Sinks deliver {@link #unified()}; the source
 * commits its state for the batch (watermark, quarantine) only when the exchange completes.
 */
public final class Batch {

    private final String feedId;
    private final String runId;
    private final int index;
    private final Instant extractedAt;
    private final List<SourceRecord> records;

    private Dataset dataset;
    private String source;
    private List<UnifiedRecord> unified = List.of();
    private List<Rejection> rejections = new ArrayList<>();
    private int warnings;
    private int unchanged;
    private int superseded;
    private org.exchangehub.state.DeliveryMemory memory;
    private org.exchangehub.state.OpenRejects.Settled settled;

    public Batch(String feedId, String runId, int index, Instant extractedAt, List<SourceRecord> records) {
        this.feedId = feedId;
        this.runId = runId;
        this.index = index;
        this.extractedAt = extractedAt;
        this.records = records;
    }

    /** The feed (route id), e.g. {@code market-regulation.enterprises}. */
    public String feedId() {
        return feedId;
    }

    public String runId() {
        return runId;
    }

    /** 0-based position of this batch in its run. */
    public int index() {
        return index;
    }

    /** When the hub read the batch (lineage {@code _extracted_at}). */
    public Instant extractedAt() {
        return extractedAt;
    }

    public List<SourceRecord> records() {
        return records;
    }

    /** The dataset the mapping step mapped onto; null before mapping. */
    public Dataset dataset() {
        return dataset;
    }

    /** The source system id (lineage {@code _source}), e.g. {@code market-regulation}. */
    public String source() {
        return source;
    }

    public List<UnifiedRecord> unified() {
        return unified;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    /** Fields nulled with a warning in this batch. */
    public int warnings() {
        return warnings;
    }

    /** Rejections found by the source itself (e.g. a malformed line) before mapping. */
    public void addRejection(Rejection rejection) {
        rejections.add(rejection);
    }

    /** Set by the mapping step. */
    public void mapped(Dataset dataset, String source, List<UnifiedRecord> unified, List<Rejection> rejections,
            int warnings) {
        this.dataset = dataset;
        this.source = source;
        this.unified = unified;
        this.rejections.addAll(rejections);
        this.warnings = warnings;
    }

    /**
     * Set by the mapping step where the feed skips unchanged records: only the records and rejections that are new
     * stay in the batch; {@code unchanged} were read as an earlier run delivered or quarantined them.
     */
    public void keepChanged(List<UnifiedRecord> changed, List<Rejection> newRejections, int unchanged,
            org.exchangehub.state.DeliveryMemory memory) {
        this.unified = changed;
        this.rejections = new ArrayList<>(newRejections);
        this.unchanged = unchanged;
        this.memory = memory;
    }

    /**
     * The source keys of the records the batch delivers, to resolve their open rejects on commit: a view, read only
     * where the feed has open rejects.
     */
    private List<String> deliveredSourceKeys() {
        List<UnifiedRecord> records = unified;
        return new java.util.AbstractList<>() {
            @Override
            public String get(int index) {
                return records.get(index).sourceKey();
            }

            @Override
            public int size() {
                return records.size();
            }
        };
    }

    /**
     * Settles the batch against the feed's open rejects, once, where the mapping step is done with it (on the thread
     * that mapped it, records still in the cache): see {@link org.exchangehub.state.OpenRejects}. A batch settled
     * again keeps its first settlement.
     */
    public void settle(org.exchangehub.state.OpenRejects open) {
        if (settled == null) {
            settled = open.settle(deliveredSourceKeys(), rejections);
        }
    }

    /**
     * What the commit resolves: the keys settled when the batch was mapped, else the source keys of every record
     * the batch delivers, for the commit to look up.
     */
    public java.util.Collection<String> keysToResolve() {
        return settled != null ? settled : deliveredSourceKeys();
    }

    /**
     * Set by the mapping step once the personal fields are protected: the records as the sinks receive them and
     * the dataset the sinks write (protected fields as text).
     */
    public void protectedAs(Dataset stored, List<UnifiedRecord> protectedRecords) {
        this.dataset = stored;
        this.unified = protectedRecords;
    }

    /** Set by the mapping step: valid records left out because a later version of their key was in the batch. */
    public void superseded(int superseded) {
        this.superseded = superseded;
    }

    /** Valid records of the batch left out because a later version of the same business key was in it. */
    public int superseded() {
        return superseded;
    }

    /** Records (and rejects) of the batch that an earlier run delivered (or quarantined) as they are. */
    public int unchanged() {
        return unchanged;
    }

    /** What the batch adds to the feed's memory of delivered versions, committed with it; null when not kept. */
    public org.exchangehub.state.DeliveryMemory memory() {
        return memory;
    }

    @Override
    public String toString() {
        return "Batch[" + feedId + " run " + runId + " #" + index + ", " + records.size() + " records]";
    }
}
