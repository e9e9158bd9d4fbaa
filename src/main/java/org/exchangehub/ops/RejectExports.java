package org.exchangehub.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.exchangehub.mapping.Violation;
import org.exchangehub.state.ExportedReject;
import org.exchangehub.state.QuarantineRecord;
import org.exchangehub.state.RejectQuery;
import org.exchangehub.state.StateStore;

/**
 * Rejects back to the department: the quarantined records a query selects, one row each, with the source key,
 * every reason code with its field and a plain Chinese explanation, and the raw record. Personal values are
 * masked as the catalogue says unless the caller may read them in clear; reading them in clear is written to the
 * audit trail first. Streams: the rejects are never all held.
 *
 * <p>CSV is UTF-8 with a byte-order mark, so that Excel and WPS open it as Chinese; JSONL is one JSON object per
 * line; XLSX is written row by row (POI's streaming workbook).
 */
public final class RejectExports {

    /** The export formats. */
    public enum Format {
        CSV("text/csv;charset=UTF-8", "csv"), JSONL("application/x-ndjson;charset=UTF-8", "jsonl"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        /** csv, jsonl or xlsx (any case). */
        public static Format of(String name) {
            for (Format f : values()) {
                if (f.extension.equalsIgnoreCase(name == null ? "" : name.trim())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("format is csv, jsonl or xlsx, not " + name);
        }
    }

    /** The columns, Chinese first for the department, the English name for programs. */
    static final List<String> HEADER = List.of("运行编号 run_id", "拒收时间 rejected_at", "状态 status",
            "来源主键 source_key", "原因代码 reason_codes", "问题说明 problems", "原始记录 raw_record");

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final StateStore state;
    private final Masking masking;

    RejectExports(StateStore state, Masking masking) {
        this.state = state;
        this.masking = masking;
    }

    /** Who reads in clear and why; null for a masked export. */
    public record Unmask(String principal, String reason) {
        public Unmask {
            if (principal == null || principal.isBlank()) {
                throw new IllegalArgumentException("reading rejects in clear needs the caller's name");
            }
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("reading rejects in clear needs a reason, kept in the audit trail");
            }
        }
    }

    /**
     * Writes the rejects the query selects and returns how many.
     *
     * @param unmask null to mask personal values (the default); else who reads them in clear, audited first
     */
    public long export(RejectQuery query, Format format, OutputStream out, Unmask unmask) throws IOException {
        if (unmask != null) {
            state.audit(unmask.principal(), "rejects.unmask", describe(query), unmask.reason());
        }
        long[] count = {0};
        Map<String, Masking.ColumnMasks> masks = new LinkedHashMap<>();
        try (Rows rows = switch (format) {
            case CSV -> new CsvRows(out);
            case JSONL -> new JsonRows(out);
            case XLSX -> new XlsxRows(out);
        }) {
            try {
                state.rejects(query, r -> {
                    try {
                        rows.row(row(r, unmask != null, masks));
                        count[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return count[0];
    }

    private static String describe(RejectQuery q) {
        StringBuilder s = new StringBuilder();
        if (q.feedId() != null) {
            s.append("feed ").append(q.feedId());
        }
        if (q.runId() != null) {
            s.append(s.isEmpty() ? "" : " ").append("run ").append(q.runId());
        }
        if (q.since() != null) {
            s.append(" since ").append(q.since());
        }
        return s.append(q.openOnly() ? " (open)" : "").toString();
    }

    /** One reject as the export's columns, in {@link #HEADER} order. */
    private List<String> row(ExportedReject r, boolean clear, Map<String, Masking.ColumnMasks> masks) {
        QuarantineRecord q = r.record();
        Map<String, String> raw = RawForms.columns(q.rawForm());
        String key;
        String record;
        if (clear) {
            key = q.sourceKey();
            record = q.rawForm();
        } else {
            Masking.ColumnMasks m = masks.computeIfAbsent(q.dataset() + "\u0000" + q.source(),
                    k -> masking.columns(q.dataset(), q.source()));
            key = raw == null ? masking.key(q.dataset(), q.sourceKey()) : m.sourceKey(q.sourceKey(), raw);
            record = raw == null ? "(not a record of columns; " + q.rawForm().length() + " characters, hidden)"
                    : json(m.apply(raw, q.sourceKey()));
        }
        List<String> codes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Violation v : q.violations()) {
            if (!codes.contains(v.reason().name())) {
                codes.add(v.reason().name());
            }
            problems.add(v.field() + ": " + v.reason().name() + " " + RejectExplanations.of(v.reason())
                    + (v.detail() == null || v.detail().isBlank() ? "" : "（" + v.detail() + "）"));
        }
        return List.of(q.runId(), String.valueOf(q.rejectedAt()), r.status().toLowerCase(Locale.ROOT),
                key == null ? "" : key, String.join(",", codes), String.join("；", problems), record);
    }

    private static String json(Map<String, String> columns) {
        try {
            return JSON.writeValueAsString(columns);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row sink; closing finishes the document (the stream itself stays open: it is the caller's). */
    private interface Rows extends java.io.Closeable {
        void row(List<String> values) throws IOException;
    }

    private static final class CsvRows implements Rows {
        private final CSVPrinter csv;

        CsvRows(OutputStream out) throws IOException {
            out.write(BOM);
            csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.EXCEL.builder()
                    .setHeader(HEADER.toArray(String[]::new)).build());
        }

        @Override
        public void row(List<String> values) throws IOException {
            csv.printRecord(values);
        }

        @Override
        public void close() throws IOException {
            csv.flush(); // the response stream is the caller's to close
        }
    }

    private static final class JsonRows implements Rows {
        private static final List<String> NAMES = List.of("runId", "rejectedAt", "status", "sourceKey", "reasonCodes",
                "problems", "rawRecord");
        private final OutputStream out;

        JsonRows(OutputStream out) {
            this.out = out;
        }

        @Override
        public void row(List<String> values) throws IOException {
            Map<String, String> line = new LinkedHashMap<>();
            for (int i = 0; i < NAMES.size(); i++) {
                line.put(NAMES.get(i), values.get(i));
            }
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    private static final class XlsxRows implements Rows {
        private final OutputStream out;
        private final SXSSFWorkbook book = new SXSSFWorkbook(200);
        private final Sheet sheet = book.createSheet("rejects");
        private int next;

        XlsxRows(OutputStream out) throws IOException {
            this.out = out;
            row(HEADER);
        }

        @Override
        public void row(List<String> values) throws IOException {
            Row row = sheet.createRow(next++);
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                // a cell holds at most 32,767 characters; a longer raw record is cut and says so
                row.createCell(i).setCellValue(v.length() > 32_000 ? v.substring(0, 32_000) + "…(cut)" : v);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                book.write(out);
                out.flush();
            } finally {
                book.close();
            }
        }
    }
}
