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
 * The one pass over a file in its format, before anything of it is delivered: counts its records and malformed
 * lines and decides whether the file may be delivered at all (not truncated, parseable to the end, malformed share
 * within the feed's threshold), while it keeps each parsed record in a {@link RecordSpool} that the delivery reads
 * back once the check passed, so the file is not parsed twice. A file that fails is set aside with
 * {@link #report}; values never appear in a report.
 */
final class FileCheck {

    private static final int LISTED = 20;

    private final List<ParsedLine> firstMalformed = new ArrayList<>();
    private long records;
    private long malformed;
    private String verdict;
    private String reason;
    /** The rule that set the file aside and the option that changes it, said with the reason. */
    private String rule;

    /** A file larger than {@code maxFileSize}: set aside unread. */
    static FileCheck tooLarge(long size, long cap, String option) {
        FileCheck check = new FileCheck();
        check.fail("TOO_LARGE", "the file has " + size + " bytes, more than the " + cap + " bytes the feed reads",
                "maxFileSize: " + option + "; ask the department to split the file, or raise maxFileSize");
        return check;
    }

    private FileCheck() {
    }

    /**
     * @param file                the file's bytes
     * @param requireFinalNewline whether a last line without a line end means the file was cut off: only where
     *                            nothing vouches that the file is complete (the stable-size rule); a done marker
     *                            or a rename says it is, and its last line is then read like any other
     * @param sourceKey           the column that holds each record's source key, or null (file:line)
     * @param mapped              the columns the feed's mapping reads, or null: a file whose header lacks one of
     *                            them (schema drift) is set aside, since its records would be delivered without it
     * @param spool               where each parsed record is kept for the delivery; its content counts only when
     *                            the file is deliverable
     */
    static FileCheck run(FileFormat format, java.nio.file.Path file, double maxMalformedPercent,
            boolean requireFinalNewline, String sourceKey, org.exchangehub.feed.MappedColumns mapped,
            RecordSpool spool) throws IOException {
        FileCheck check = new FileCheck();
        if (format.isLineBased() && requireFinalNewline && !Spooled.endsWithNewline(file)) {
            check.fail("TRUNCATED", "the last line has no line end: the file may have been cut off while being"
                    + " written or sent", "readyWhen: stable, where no done marker vouches for the file; a done marker"
                    + " (readyWhen: doneMarker) or readyWhen: rename vouches for complete files, or set"
                    + " requireFinalNewline: false");
            return check;
        }
        try (InputStream in = Files.newInputStream(file); RecordReader reader = format.open(in)) {
            spool.layout(reader.layout());
            if (sourceKey != null && reader.layout().indexOf(sourceKey) < 0) {
                check.fail("NO_KEY_COLUMN", "the file has no column " + sourceKey + " for the source key; its"
                        + " columns are " + reader.layout().columns(), "sourceKey: " + sourceKey
                        + "; correct the option, or ask the department for the agreed columns");
                return check;
            }
            if (mapped != null && format.namesItsColumns()) {
                List<String> missing = new ArrayList<>();
                mapped.fieldByColumn().forEach((column, field) -> {
                    if (reader.layout().indexOf(column) < 0) {
                        missing.add(column + " (" + field + ")");
                    }
                });
                if (!missing.isEmpty()) {
                    check.fail("MISSING_COLUMN", "the file's header has no column " + String.join(", ", missing)
                            + " that mapping " + mapped.mapping() + " reads; its columns are "
                            + reader.layout().columns(), "in " + mapped.file() + " map the field from the column"
                            + " that replaced it, or ask the department for the agreed columns");
                    return check;
                }
            }
            ParsedLine line;
            while ((line = reader.next()) != null) {
                spool.add(line);
                check.records++;
                if (line.isMalformed()) {
                    check.malformed++;
                    if (check.firstMalformed.size() < LISTED) {
                        check.firstMalformed.add(line);
                    }
                }
            }
        } catch (BadFileException e) {
            check.fail(e.verdict(), e.getMessage(), "a file is read only whole and well-formed in its format;"
                    + " no option accepts it, the department sends it again fixed");
            return check;
        }
        if (check.malformed > 0 && check.malformed * 100.0 > maxMalformedPercent * check.records) {
            check.fail("TOO_MANY_MALFORMED", String.format(Locale.ROOT,
                    "%d of %d records are malformed (%.1f%%); the feed allows at most %s%%", check.malformed,
                    check.records, check.malformed * 100.0 / check.records, strip(maxMalformedPercent)),
                    "maxMalformedPercent: " + strip(maxMalformedPercent) + "; raise it to accept more malformed"
                            + " records, each quarantined as MALFORMED_RECORD");
        }
        return check;
    }

    private static String strip(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private void fail(String verdict, String reason, String rule) {
        this.verdict = verdict;
        this.reason = reason;
        this.rule = rule;
    }

    /**
     * Why the file was set aside, in one line for the run log, the exchange log and dry-run: the file, the
     * verdict, the reason, the rule and the option that changes it. Counts and names only, never a value.
     */
    String summary(String name) {
        return "file " + name + " set aside (" + verdict + "): " + reason + " (rule: " + rule + ")";
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
        sb.append("rule:     ").append(rule).append('\n');
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
