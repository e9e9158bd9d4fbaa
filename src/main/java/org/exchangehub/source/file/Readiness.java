package org.exchangehub.source.file;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of the feed's completeness rule that Camel's options do not say, as the consumer's {@code filter}:
 * a listing entry that is not a plain name in the drop folder is refused before anything else looks at it, and
 * under {@code readyWhen=stable} a file is ready only once its size and time held from one run to the next and it
 * is older than {@code minAge} (Camel's {@code readLock=changed} then checks it again right before the download).
 * Done markers ({@code doneFileName}), includes and temporary names are Camel's own options.
 */
final class Readiness implements GenericFileFilter<Object> {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final ReadyRule rule;
    private final String markerTemplate;
    private final Duration minAge;
    private final Clock clock = Clock.systemUTC();
    private volatile Map<String, Sighting> previous = Map.of();
    private volatile Map<String, Sighting> current = new ConcurrentHashMap<>();
    /** Files this run already took: Camel offers a file again until it is moved or remembered (dry runs). */
    private final Set<String> handled = ConcurrentHashMap.newKeySet();

    private record Sighting(long size, long modified) { }

    Readiness(ReadyRule rule, String markerTemplate, Duration minAge) {
        this.rule = rule;
        this.markerTemplate = markerTemplate;
        this.minAge = minAge;
    }

    boolean usesMarker() {
        return rule == ReadyRule.DONE_MARKER;
    }

    /** The done-marker's name for a data file: {@code ${file}} is the whole name, {@code ${name}} it without extension. */
    String markerOf(String file) {
        int dot = file.lastIndexOf('.');
        return markerTemplate.replace("${file}", file).replace("${name}", dot > 0 ? file.substring(0, dot) : file);
    }

    /** Camel's {@code doneFileName} for the marker template. */
    String doneFileName() {
        return markerTemplate.replace("${file}", "${file:name}").replace("${name}", "${file:name.noext.single}");
    }

    /** A run starts: what the previous run saw is what sizes must have held since. */
    void newRun() {
        previous = Map.copyOf(current);
        current = new ConcurrentHashMap<>();
        handled.clear();
    }

    void handled(String name) {
        handled.add(name);
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        String name = file.getFileNameOnly();
        String listed = listedName(file);
        if (!FileNames.isPlain(listed) || !listed.equals(name) || !FileNames.isPlain(file.getRelativeFilePath())) {
            refuse(listed);
            return false;
        }
        if (handled.contains(name)) {
            return false;
        }
        if (file.isDirectory() || rule != ReadyRule.STABLE) {
            return true;
        }
        Sighting now = new Sighting(file.getFileLength(), file.getLastModified());
        current.put(name, now);
        boolean oldEnough = now.modified() <= 0 || now.modified() + minAge.toMillis() <= clock.millis();
        return oldEnough && Objects.equals(previous.get(name), now);
    }

    /** Logs a listing entry that could leave the drop folder; it is neither read nor moved. */
    static void refuse(String listed) {
        LOG.warn("Refused a listing entry that is not a plain file name in the drop folder: '{}'",
                FileNames.printable(listed));
    }

    /** The name exactly as the server listed it, before Camel made a path of it. */
    private static String listedName(GenericFile<Object> file) {
        Object listed = file.getFile();
        if (listed instanceof org.apache.commons.net.ftp.FTPFile ftp) {
            return ftp.getName();
        }
        if (listed instanceof org.apache.camel.component.file.remote.SftpRemoteFile<?> sftp) {
            return sftp.getFilename();
        }
        return file.getFileNameOnly();
    }
}
