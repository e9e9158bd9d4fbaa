package org.exchangehub.source.file;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The record formats' options (csv, fixed, xml) checked and turned into a format, for every endpoint that reads
 * them: the drop source and the {@code hub-feed} step. Each endpoint says its problems its own way.
 */
public final class RecordFormats {

    /** How an endpoint reports a bad option, naming it, its value and the fix. */
    public interface Problems {
        RuntimeException problem(String option, String value, String problem, String fix);

        /** A required option is missing. */
        RuntimeException missing(String option);
    }

    /** The options as given on an endpoint. */
    public record Options(String format, String charset, String delimiter, String quote, boolean header,
            String columns, String layout, String recordElement, String recordNamespace) {

        /** The comma-separated column names, trimmed; empty when none are given. */
        public List<String> columnList() {
            return RecordFormats.columnList(columns);
        }
    }

    private RecordFormats() {
    }

    /** The comma-separated column names, trimmed; empty when none are given. */
    static List<String> columnList(String columns) {
        return columns == null || columns.isBlank() ? List.of()
                : Arrays.stream(columns.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public static Charset charset(String charset, Problems problems) {
        try {
            return Charset.forName(charset.trim());
        } catch (RuntimeException e) {
            throw problems.problem("charset", charset, "unknown charset", "use GBK, GB18030 or UTF-8");
        }
    }

    /** Whether the format is one of the record formats here (csv, fixed, xml). */
    public static boolean isRecordFormat(String format) {
        return List.of("csv", "fixed", "xml").contains(normal(format));
    }

    static FileFormat build(Options o, Charset cs, Problems problems) {
        switch (normal(o.format())) {
            case "csv" -> {
                String d = "\\t".equals(o.delimiter()) ? "\t" : o.delimiter();
                if (d == null || d.length() != 1) {
                    throw problems.problem("delimiter", o.delimiter(), "must be one character",
                            "use e.g. , or | or \\t");
                }
                if (o.quote() != null && o.quote().length() > 1) {
                    throw problems.problem("quote", o.quote(), "must be one character or empty",
                            "use \" or leave it empty");
                }
                if (!o.header() && o.columnList().isEmpty()) {
                    throw problems.problem("columns", o.columns(), "a CSV file without a header needs its column names",
                            "list them in file order, e.g. columns=GMSFHM,XM,XB");
                }
                return new CsvFormat(cs, d.charAt(0), o.quote() == null || o.quote().isEmpty() ? null
                        : o.quote().charAt(0), o.header(), o.columnList());
            }
            case "fixed" -> {
                require(o.layout(), "layout", problems);
                return new FixedWidthFormat(cs, FixedWidthLayout.load(Path.of(o.layout())));
            }
            case "xml" -> {
                require(o.recordElement(), "recordElement", problems);
                if (o.columnList().isEmpty()) {
                    throw problems.problem("columns", o.columns(), "XML needs the column names",
                            "list the record element's child elements (and @attributes), e.g. columns=GMSFHM,XM");
                }
                return new XmlFormat(cs, o.recordNamespace(), o.recordElement().trim(), o.columnList());
            }
            default -> throw problems.problem("format", o.format(), "unknown format", "use csv, fixed or xml");
        }
    }

    private static void require(String value, String option, Problems problems) {
        if (value == null || value.isBlank()) {
            throw problems.missing(option);
        }
    }

    private static String normal(String format) {
        return format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
    }
}
