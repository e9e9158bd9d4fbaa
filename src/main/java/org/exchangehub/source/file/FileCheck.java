package org.exchangehub.source.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first pass over a file, before anything of it is delivered: counts its records and malformed lines and
 * decides whether the file may be delivered at all (not truncated, parseable to the end, malformed share within
 * the feed's threshold). A file that fails is set aside with {@link #report}; values never appear in a report.
 */
final class FileCheck {

    private static final int LISTED = 20;

    private final List<ParsedLine> firstMalformed = new ArrayList<>();
    private long records;
    private long malformed;
    private String verdict;
    private String reason;

    private FileCheck() {
    }

    static FileCheck run(FileFormat format, Spooled file, double maxMalformedPercent, boolean requireFinalNewline)
            throws IOException {
        FileCheck check = new FileCheck();
        if (format.isLineBased() && requireFinalNewline && !file.endsWithNewline()) {
            check.fail("TRUNCATED", "the last line does not end with a line break: the file was cut off while"
                    + " being written or sent");
            return check;
        }
        try (InputStream in = Files.newInputStream(file.path()); RecordReader reader = format.open(in)) {
            ParsedLine line;
            while ((line = reader.next()) != null) {
                check.records++;
                if (line.isMalformed()) {
                    check.malformed++;
                    if (check.firstMalformed.size() < LISTED) {
                        check.firstMalformed.add(line);
                    }
                }
            }
        } catch (BadFileException e) {
            check.fail(e.verdict(), e.getMessage());
            return check;
        }
        if (check.malformed > 0 && check.malformed * 100.0 > maxMalformedPercent * check.records) {
            check.fail("TOO_MANY_MALFORMED", String.format(Locale.ROOT,
                    "%d of %d records are malformed (%.1f%%); the feed allows at most %s%%", check.malformed,
                    check.records, check.malformed * 100.0 / check.records, strip(maxMalformedPercent)));
        }
        return check;
    }

    private static String strip(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private void fail(String verdict, String reason) {
        this.verdict = verdict;
        this.reason = reason;
    }

    boolean isDeliverable() {
        return verdict == null;
    }

    String verdict() {
        return verdict;
    }

    String reason() {
        return reason;
    }

    long records() {
        return records;
    }

    long malformed() {
        return malformed;
    }

    /** The report written beside a file set aside: why, and where the malformed lines are. */
    byte[] report(String feedId, String runId, String where, String name, Spooled file, Instant at) {
        StringBuilder sb = new StringBuilder(512);
        sb.append("Exchange Hub: file set aside, nothing of it was delivered\n\n");
        sb.append("feed:     ").append(feedId).append('\n');
        sb.append("folder:   ").append(where).append('\n');
        sb.append("file:     ").append(name).append('\n');
        sb.append("size:     ").append(file.size()).append(" bytes\n");
        sb.append("sha256:   ").append(file.sha256()).append('\n');
        sb.append("run:      ").append(runId).append('\n');
        sb.append("checked:  ").append(at).append('\n');
        sb.append("verdict:  ").append(verdict).append('\n');
        sb.append("reason:   ").append(reason).append('\n');
        sb.append("records:  ").append(records).append(", malformed: ").append(malformed).append("\n\n");
        sb.append("Fix the file and drop it again: a file with new content is read as a new version.\n");
        if (!firstMalformed.isEmpty()) {
            sb.append("\nMalformed records (first ").append(LISTED).append("; values are not repeated here):\n");
            for (ParsedLine l : firstMalformed) {
                sb.append("  line ").append(l.line()).append(", ").append(l.column()).append(": ")
                        .append(l.problem()).append('\n');
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
