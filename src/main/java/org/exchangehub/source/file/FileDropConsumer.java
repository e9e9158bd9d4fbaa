package org.exchangehub.source.file;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import com.google.common.util.concurrent.Uninterruptibles;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.file.FileComponent;
import org.apache.camel.component.file.FileConstants;
import org.apache.camel.component.file.GenericFile;
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
 * One run of a {@code file-drop} feed: takes the ready files from Camel's consumer of the drop folder
 * ({@link CamelDrop}), one at a time in name order, hashes each local copy, skips a version already delivered,
 * checks it as a whole (first pass), sets it aside with a report if it is bad, else delivers its records in
 * batches (second pass). The last batch of a file carries the file in its checkpoint, so the file is remembered
 * as delivered in the same transaction that commits that batch, after every sink confirmed; only then does the
 * file's exchange complete, and Camel moves, deletes or leaves it ({@link DropStrategy}). A failure mid-file
 * fails the exchange: Camel rolls back and the file is read again, whole, next run.
 */
final class FileDropConsumer extends FeedConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(FileDropConsumer.class);

    private final FileDropEndpoint endpoint;
    private final FileFormat format;
    private final Readiness readiness;
    private final Clock clock = Clock.systemUTC();
    private DeliveredFiles delivered;
    private CamelDrop drop;
    private ExecutorService hasher;

    FileDropConsumer(FileDropEndpoint endpoint, Processor processor, StateStore state, FeedRegistry registry) {
        super(endpoint, processor, state, registry, endpoint.getFeed());
        this.endpoint = endpoint;
        this.format = endpoint.fileFormat();
        this.readiness = new Readiness(endpoint.readyRule(), endpoint.getDoneMarker(), endpoint.minAgeDuration());
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
    protected void doStop() throws Exception {
        if (hasher != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(hasher);
            hasher = null;
        }
        if (drop != null) {
            drop.close();
            drop = null;
        }
        super.doStop();
    }

    @Override
    protected void read(BatchSink sink) throws Exception {
        if (drop == null) {
            delivered = new DeliveredFiles(stateStore(), feedId());
            drop = new CamelDrop(endpoint, readiness, delivered);
        }
        readiness.newRun();
        Exchange exchange;
        while ((exchange = drop.next()) != null) {
            try {
                readFile(exchange, sink);
            } catch (Exception | Error e) {
                exchange.setException(e); // Camel's rollback: the file stays in the drop, to be read again whole
                drop.done(exchange);
                throw e;
            }
            drop.done(exchange);
        }
    }

    private void readFile(Exchange exchange, BatchSink sink) throws IOException {
        GenericFile<?> listed = exchange.getProperty(FileComponent.FILE_EXCHANGE_FILE, GenericFile.class);
        String name = listed.getFileNameOnly();
        readiness.handled(name);
        long cap = endpoint.maxFileSizeBytes();
        if (cap > 0 && listed.getFileLength() > cap) { // the listing says it is too large
            setAside(exchange, name, new Spooled(null, listed.getFileLength(), "(not read)"),
                    FileCheck.tooLarge(listed.getFileLength(), cap, endpoint.getMaxFileSize()), sink);
            return;
        }
        Path local = localCopy(exchange, listed);
        long size = java.nio.file.Files.size(local);
        if (cap > 0 && size > cap) { // it grew after the listing: set aside before reading it
            setAside(exchange, name, new Spooled(local, size, "(not read)"),
                    FileCheck.tooLarge(size, cap, endpoint.getMaxFileSize()), sink);
            return;
        }
        // the file's SHA-256 on a second core while this thread checks it: both read the same bytes, each once
        Future<Spooled> hashing = hasher().submit(() -> Spooled.inPlace(local));
        long checkStarted = System.nanoTime();
        try (RecordSpool spool = RecordSpool.create(endpoint.feedWorkDirectory(feedId()))) {
            // only the stable-size rule cannot tell a cut-off file: a marker or a rename vouches for a complete one
            FileCheck check = FileCheck.run(format, local, endpoint.getMaxMalformedPercent(),
                    endpoint.isRequireFinalNewline() && endpoint.readyRule() == ReadyRule.STABLE,
                    endpoint.sourceKeyColumn(), mappedColumns(), spool);
            Spooled file = hashed(hashing);
            if (stateStore().isFileProcessed(feedId(), name, file.size(), file.sha256())) {
                // delivered before (a restart, another instance, or the same content dropped again)
                LOG.debug("feed {}: {} was delivered before; skipped", feedId(), FileNames.printable(name));
                finish(exchange, file, sink);
                return;
            }
            if (!check.isDeliverable()) {
                setAside(exchange, name, file, check, sink);
                return;
            }
            // the check's count is taken before any record is handed on: the run's account must come to it
            sink.sourceCount(check.records(), "records counted in each file before delivery");
            long delivering = System.nanoTime();
            LOG.info("feed {}: {} ({} bytes) checked in {} ms: {} records, {} malformed; {}", feedId(),
                    FileNames.printable(name), file.size(), (delivering - checkStarted) / 1_000_000, check.records(),
                    check.malformed(), sink.isDryRun() ? "dry run" : "delivering");
            deliver(name, file, spool, sink);
            sink.flush(); // the file's exchange completes only once all of it was delivered and committed
            LOG.info("feed {}: {} {} in {} ms", feedId(), FileNames.printable(name),
                    sink.isDryRun() ? "run dry" : "delivered and committed", (System.nanoTime() - delivering) / 1_000_000);
            finish(exchange, file, sink);
        } finally {
            hashing.cancel(true); // a check that failed to read the file leaves the hash unwanted
        }
    }

    private ExecutorService hasher() {
        if (hasher == null) {
            hasher = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "feed-" + feedId() + "-file-hash");
        }
        return hasher;
    }

    private static Spooled hashed(Future<Spooled> hashing) throws IOException {
        try {
            return Uninterruptibles.getUninterruptibly(hashing);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("hashing the file failed: " + e.getCause(), e.getCause());
        }
    }

    /** The bytes as Camel placed them: the file itself for {@code file:}, else its copy in the work folder. */
    private static Path localCopy(Exchange exchange, GenericFile<?> listed) {
        String work = exchange.getIn().getHeader(FileConstants.FILE_LOCAL_WORK_PATH, String.class);
        if (work != null) {
            return Path.of(work);
        }
        return ((File) listed.getFile()).toPath();
    }

    /** Delivered (now or before): Camel's commit ties the listing to the content and applies afterRead. */
    private void finish(Exchange exchange, Spooled file, BatchSink sink) {
        if (sink.isDryRun()) { // a dry run leaves the drop as it found it
            exchange.setProperty(DropStrategy.OUTCOME, new DropStrategy.Outcome.Untouched());
            return;
        }
        delivered.hashed(drop.key(exchange), file.sha256());
        exchange.setProperty(DropStrategy.OUTCOME, new DropStrategy.Outcome.Delivered());
    }

    private void setAside(Exchange exchange, String name, Spooled file, FileCheck check, BatchSink sink) {
        sink.note(check.summary(name));
        if (sink.isDryRun()) {
            exchange.setProperty(DropStrategy.OUTCOME, new DropStrategy.Outcome.Untouched());
            return;
        }
        Instant now = clock.instant();
        LOG.warn("feed {}: {}; moved to {}/{} with a report, nothing of it was delivered", feedId(),
                check.summary(name), drop.describe(), endpoint.getErrorDirectory());
        exchange.setProperty(DropStrategy.OUTCOME, new DropStrategy.Outcome.SetAside(name + ".report.txt",
                check.report(feedId(), currentRunId(), drop.describe(), name, file, now)));
    }

    /**
     * The delivery, from the records the check kept: in batches, malformed lines as rejections, the file remembered
     * with the last batch.
     */
    private void deliver(String name, Spooled file, RecordSpool spool, BatchSink sink) throws IOException {
        int batchSize = endpoint.getBatchSize();
        try (RecordReader reader = spool.reader()) {
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

}
