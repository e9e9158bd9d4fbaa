package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Processor;
import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.Checkpoint;
import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.feed.Json;
import org.exchangehub.feed.SourceLayout;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.Violation;
import org.exchangehub.state.ProcessedFile;
import org.exchangehub.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@code file-drop} feed: lists the drop folder, and for each file complete under the feed's rule
 * (in name order) copies it locally while hashing it, skips it if this version was already delivered, checks it
 * as a whole (first pass), sets it aside with a report if it is bad, else delivers its records in batches (second
 * pass). The last batch of a file carries the file in its checkpoint, so the file is remembered as delivered in
 * the same transaction that commits that batch, after every sink confirmed; only then is it moved or deleted.
 */
final class FileDropConsumer extends FeedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropConsumer.class);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final FileDropEndpoint endpoint;
    private final FileFormat format;
    private final Readiness readiness;
    private final AfterRead afterRead;
    private final Clock clock = Clock.systemUTC();
    /** Listing entries already found delivered, so that a file left in place is not fetched again every poll. */
    private final Map<String, DropEntry> knownDone = new ConcurrentHashMap<>();

    FileDropConsumer(FileDropEndpoint endpoint, Processor processor, StateStore state, FeedRegistry registry) {
        super(endpoint, processor, state, registry, endpoint.getFeed());
        this.endpoint = endpoint;
        this.format = endpoint.fileFormat();
        this.readiness = new Readiness(endpoint.readyRule(), endpoint.getInclude(), endpoint.getTemporaryNames(),
                endpoint.getDoneMarker(), endpoint.minAgeDuration());
        this.afterRead = endpoint.afterReadAction();
    }

    /**
     * A file is read once per version (its name, size and hash are remembered), so by default its records are not
     * compared with earlier runs': that costs a look-up and a write per record. A department that sends its full
     * export again with a few corrections is the exception: {@code skipUnchanged: true} on the mapping step.
     */
    @Override
    public boolean rereadsUnchangedRecords() {
        return false;
    }

    @Override
    protected void read(BatchSink sink) throws Exception {
        try (DropFolder folder = endpoint.openFolder()) {
            List<DropEntry> listing = folder.list();
            knownDone.keySet().retainAll(listing.stream().map(DropEntry::name).toList());
            List<DropEntry> ready = readiness.ready(listing, clock.instant(), new ArrayList<>());
            for (DropEntry entry : ready) {
                if (entry.equals(knownDone.get(entry.name()))) {
                    continue;
                }
                readFile(folder, entry, sink);
            }
        }
    }

    private void readFile(DropFolder folder, DropEntry entry, BatchSink sink) throws IOException {
        String name = entry.name();
        long cap = endpoint.maxFileSizeBytes();
        if (cap > 0 && entry.size() > cap) { // never downloaded: the listing says it is too large
            setAsideUnread(folder, name, new Spooled(null, entry.size(), "(not read)", true, false),
                    FileCheck.tooLarge(entry.size(), cap, endpoint.getMaxFileSize()), sink);
            return;
        }
        Spooled file = folder instanceof LocalFolder local ? Spooled.inPlace(local.path(name))
                : spool(folder, name);
        try {
            if (cap > 0 && file.size() > cap) { // it grew after the listing
                setAsideUnread(folder, name, file, FileCheck.tooLarge(file.size(), cap, endpoint.getMaxFileSize()),
                        sink);
                return;
            }
            if (stateStore().isFileProcessed(feedId(), name, file.size(), file.sha256())) {
                // delivered before (a restart, another instance, or a move that failed after the commit)
                LOG.debug("feed {}: {} was delivered before; skipped", feedId(), name);
                if (!sink.isDryRun()) {
                    finish(folder, entry);
                }
                return;
            }
            // only the stable-size rule cannot tell a cut-off file: a marker or a rename vouches for a complete one
            FileCheck check = FileCheck.run(format, file, endpoint.getMaxMalformedPercent(),
                    endpoint.isRequireFinalNewline() && endpoint.readyRule() == ReadyRule.STABLE,
                    endpoint.sourceKeyColumn(), mappedColumns());
            if (!check.isDeliverable()) {
                sink.note(check.summary(name));
                if (!sink.isDryRun()) { // a dry run leaves the drop as it found it
                    setAside(folder, name, file, check);
                }
                return;
            }
            // the check's count is taken before any record is handed on: the run's account must come to it
            sink.sourceCount(check.records(), "records counted in each file before delivery");
            deliver(name, file, sink);
            sink.flush(); // the file is moved or forgotten only once all of it was delivered and committed
            if (!sink.isDryRun()) {
                finish(folder, entry);
            }
        } finally {
            file.release();
        }
    }

    private Spooled spool(DropFolder folder, String name) throws IOException {
        try (InputStream in = folder.open(name)) {
            return Spooled.copy(in, endpoint.workDirectoryPath());
        }
    }

    /** The second pass: records in batches, malformed lines as rejections, the file remembered with the last batch. */
    private void deliver(String name, Spooled file, BatchSink sink) throws IOException {
        int batchSize = endpoint.getBatchSize();
        try (InputStream in = Files.newInputStream(file.path()); RecordReader reader = format.open(in)) {
            KeyColumn keys = KeyColumn.of(endpoint.sourceKeyColumn(), reader.layout());
            SourceLayout layout = keys.layout();
            List<SourceRecord> batch = new ArrayList<>(Math.min(batchSize, 1024));
            ParsedLine line;
            while ((line = reader.next()) != null) {
                String fileLine = name + ":" + line.line();
                if (line.isMalformed()) {
                    sink.reject(new Rejection(fileLine, rawForm(line.raw()), List.of(new Violation(line.column(),
                            ReasonCode.MALFORMED_RECORD, "line " + line.line() + ": " + line.problem()))));
                    continue;
                }
                Object[] values = keys.values(line.values(), fileLine);
                String key = keys.key(values, fileLine);
                if (key == null) {
                    sink.reject(new Rejection(fileLine, new SourceRecord(fileLine, layout, values).rawForm(),
                            List.of(new Violation(keys.column(), ReasonCode.MISSING_REQUIRED, fileLine
                                    + ": the source key column " + keys.column() + " is blank"))));
                    continue;
                }
                batch.add(new SourceRecord(key, layout, values));
                if (batch.size() == batchSize) {
                    sink.deliver(batch, Checkpoint.NONE);
                    batch = new ArrayList<>(Math.min(batchSize, 1024));
                }
            }
            // also when the file had no records left: the file is remembered with this batch
            sink.deliver(batch, Checkpoint.fileDone(new ProcessedFile(name, file.size(), file.sha256())));
        }
    }

    private static String rawForm(String line) {
        return Json.appendString(new StringBuilder("{\"line\":"), line == null ? "" : line).append('}').toString();
    }

    /** After delivery: the file (and its marker) moved, deleted or left, as configured. */
    private void finish(DropFolder folder, DropEntry entry) throws IOException {
        String name = entry.name();
        String marker = endpoint.readyRule() == ReadyRule.DONE_MARKER ? readiness.markerOf(name) : null;
        switch (afterRead) {
            case MOVE -> {
                String suffix = suffix();
                folder.moveTo(name, endpoint.getDoneDirectory(), suffix);
                if (marker != null) {
                    folder.moveTo(marker, endpoint.getDoneDirectory(), suffix);
                }
            }
            case DELETE -> {
                folder.delete(name);
                if (marker != null) {
                    folder.delete(marker);
                }
            }
            case LEAVE -> knownDone.put(name, entry);
        }
    }

    private void setAsideUnread(DropFolder folder, String name, Spooled file, FileCheck check, BatchSink sink)
            throws IOException {
        sink.note(check.summary(name));
        if (!sink.isDryRun()) {
            setAside(folder, name, file, check);
        }
    }

    private void setAside(DropFolder folder, String name, Spooled file, FileCheck check) throws IOException {
        Instant now = clock.instant();
        String runId = currentRunId();
        LOG.warn("feed {}: {}; moved to {}/{} with a report, nothing of it was delivered", feedId(),
                check.summary(name), folder.describe(), endpoint.getErrorDirectory());
        String suffix = suffix();
        folder.write(endpoint.getErrorDirectory(), name + ".report.txt",
                check.report(feedId(), runId, folder.describe(), name, file, now));
        folder.moveTo(name, endpoint.getErrorDirectory(), suffix);
        if (endpoint.readyRule() == ReadyRule.DONE_MARKER) {
            folder.moveTo(readiness.markerOf(name), endpoint.getErrorDirectory(), suffix);
        }
    }

    /** Appended to a name already taken in the done or error folder (an earlier version of the file). */
    private String suffix() {
        return STAMP.format(clock.instant());
    }
}
