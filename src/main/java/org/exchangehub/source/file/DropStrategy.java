package org.exchangehub.source.file;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;
import org.apache.camel.support.DefaultExchange;

/**
 * What happens to a dropped file and its done marker once its exchange completes, through the component's own
 * {@link GenericFileOperations} (the consumer's connection). Camel's read lock is kept: the strategy Camel's
 * factory made for {@code readLock} does begin, abort, commit and rollback. Camel's {@code move}, {@code delete}
 * and {@code moveFailed} cannot be used for drops: Camel deletes a done file on commit, while the hub keeps the
 * marker beside its file in the done or error folder, files only a bad file as failed (a crash leaves the drop
 * as it was, to be read again), writes the report beside it, and keeps an earlier version of the same name.
 */
final class DropStrategy<T> implements GenericFileProcessStrategy<T> {

    /** Exchange property: the {@link Outcome} of the file, set by the source before the exchange completes. */
    static final String OUTCOME = "ExchangeHubFileDropOutcome";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** How a file's exchange ended, for the drop folder. */
    sealed interface Outcome {
        /** All of it was delivered (or it had been before): done folder, delete or leave, as configured. */
        record Delivered() implements Outcome { }
        /** Bad: it goes to the error folder with this report, and nothing of it was delivered. */
        record SetAside(String reportName, byte[] report) implements Outcome { }
        /** A dry run: the drop is left as it was found. */
        record Untouched() implements Outcome { }
    }

    private final GenericFileProcessStrategy<T> camel;
    private final AfterRead afterRead;
    private final String doneDirectory;
    private final String errorDirectory;
    private final Readiness readiness;
    private final Clock clock = Clock.systemUTC();

    DropStrategy(GenericFileProcessStrategy<T> camel, AfterRead afterRead, String doneDirectory,
            String errorDirectory, Readiness readiness) {
        this.camel = camel;
        this.afterRead = afterRead;
        this.doneDirectory = doneDirectory;
        this.errorDirectory = errorDirectory;
        this.readiness = readiness;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint)
            throws Exception {
        camel.prepareOnStartup(operations, endpoint);
    }

    @Override
    public boolean begin(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        return camel.begin(operations, endpoint, exchange, file);
    }

    @Override
    public void abort(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        camel.abort(operations, endpoint, exchange, file);
    }

    @Override
    public void commit(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        try {
            Outcome outcome = exchange.getProperty(OUTCOME, Outcome.class);
            if (outcome instanceof Outcome.SetAside aside) {
                Exchange report = new DefaultExchange(endpoint.getCamelContext());
                report.getIn().setBody(aside.report());
                String folder = folder(operations, file, errorDirectory);
                operations.storeFile(folder + "/" + aside.reportName(), report, aside.report().length);
                moveWithMarker(operations, file, folder);
            } else if (outcome instanceof Outcome.Delivered) {
                switch (afterRead) {
                    case MOVE -> moveWithMarker(operations, file, folder(operations, file, doneDirectory));
                    case DELETE -> {
                        operations.deleteFile(file.getAbsoluteFilePath());
                        String marker = marker(file);
                        if (marker != null) {
                            operations.deleteFile(marker);
                        }
                    }
                    case LEAVE -> { }
                }
            }
        } finally {
            camel.commit(operations, endpoint, exchange, file); // releases the read lock, drops the local copy
        }
    }

    /** A failed exchange (a sink down, a crash): the file stays where it is and is read again next run. */
    @Override
    public void rollback(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        camel.rollback(operations, endpoint, exchange, file);
    }

    private static <T> String folder(GenericFileOperations<T> operations, GenericFile<T> file, String sub) {
        String parent = file.getParent();
        String folder = parent == null || parent.isEmpty() ? sub : parent + "/" + sub;
        operations.buildDirectory(folder, file.isAbsolute());
        return folder;
    }

    private void moveWithMarker(GenericFileOperations<T> operations, GenericFile<T> file, String folder) {
        String suffix = STAMP.format(clock.instant());
        move(operations, file.getAbsoluteFilePath(), folder + "/" + file.getFileNameOnly(), suffix);
        String marker = marker(file);
        if (marker != null) {
            move(operations, marker, folder + "/" + readiness.markerOf(file.getFileNameOnly()), suffix);
        }
    }

    /** Keeps an earlier version already in the folder: the newcomer then gets {@code .suffix}. */
    private static <T> void move(GenericFileOperations<T> operations, String from, String to, String suffix) {
        String target = operations.existsFile(to) ? to + "." + suffix : to;
        if (!operations.renameFile(from, target)) {
            throw new IllegalStateException("could not move " + FileNames.printable(from) + " to "
                    + FileNames.printable(target));
        }
    }

    /** The done marker's path beside the file, or null when the feed has none. */
    private String marker(GenericFile<T> file) {
        if (!readiness.usesMarker()) {
            return null;
        }
        String parent = file.getParent();
        String name = readiness.markerOf(file.getFileNameOnly());
        return parent == null || parent.isEmpty() ? name : parent + "/" + name;
    }
}
