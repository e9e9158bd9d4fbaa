package org.exchangehub.source.file;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the files of a listing that are ready to read under the feed's completeness rule, in name order:
 * unsafe names are refused, temporary names ignored, the include pattern applied, done-markers matched. It keeps
 * the sizes seen at the previous poll for the stable-size rule.
 */
final class Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final ReadyRule rule;
    private final List<PathMatcher> include;
    private final List<PathMatcher> temporary;
    private final String markerTemplate;
    private final Duration minAge;
    private Map<String, DropEntry> previous = Map.of();

    Readiness(ReadyRule rule, String include, String temporaryNames, String markerTemplate, Duration minAge) {
        this.rule = rule;
        this.include = globs(include);
        this.temporary = globs(temporaryNames);
        this.markerTemplate = markerTemplate;
        this.minAge = minAge;
    }

    private static List<PathMatcher> globs(String patterns) {
        List<PathMatcher> matchers = new ArrayList<>();
        if (patterns != null) {
            for (String p : patterns.split(",")) {
                if (!p.isBlank()) {
                    matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + p.strip()));
                }
            }
        }
        return matchers;
    }

    private static boolean matches(List<PathMatcher> matchers, String name) {
        Path p = Path.of(name);
        return matchers.stream().anyMatch(m -> m.matches(p));
    }

    /** The done-marker's name for a data file: {@code ${file}} is the whole name, {@code ${name}} it without extension. */
    String markerOf(String file) {
        int dot = file.lastIndexOf('.');
        return markerTemplate.replace("${file}", file).replace("${name}", dot > 0 ? file.substring(0, dot) : file);
    }

    /** The files ready now, by name; {@code refused} collects names that were refused as unsafe. */
    List<DropEntry> ready(List<DropEntry> listing, Instant now, List<String> refused) {
        Map<String, DropEntry> safe = new HashMap<>();
        for (DropEntry e : listing) {
            if (FileNames.isPlain(e.name())) {
                safe.put(e.name(), e);
            } else {
                refused.add(e.name());
                LOG.warn("Refused a listing entry that is not a plain file name in the drop folder: '{}'",
                        FileNames.printable(e.name()));
            }
        }
        Set<String> markers = new HashSet<>();
        if (rule == ReadyRule.DONE_MARKER) {
            for (String name : safe.keySet()) {
                markers.add(markerOf(name));
            }
        }
        List<DropEntry> ready = new ArrayList<>();
        for (DropEntry e : safe.values()) {
            String name = e.name();
            if (matches(temporary, name) || !matches(include, name) || markers.contains(name)) {
                continue;
            }
            boolean isReady = switch (rule) {
                case DONE_MARKER -> safe.containsKey(markerOf(name));
                case RENAME -> true;
                case STABLE -> isStable(e, now);
            };
            if (isReady) {
                ready.add(e);
            }
        }
        previous = safe;
        ready.sort(Comparator.comparing(DropEntry::name));
        return ready;
    }

    private boolean isStable(DropEntry e, Instant now) {
        DropEntry before = previous.get(e.name());
        boolean oldEnough = e.lastModified() == null || !e.lastModified().plus(minAge).isAfter(now);
        return oldEnough && before != null && before.size() == e.size()
                && java.util.Objects.equals(before.lastModified(), e.lastModified());
    }
}
