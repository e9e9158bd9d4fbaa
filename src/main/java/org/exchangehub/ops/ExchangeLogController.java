package org.exchangehub.ops;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.mapping.Violation;
import org.exchangehub.state.QuarantineRecord;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The exchange log over HTTP, read-only, for operations users: runs with their receipts, and a run's rejects
 * with reasons and personal values masked ({@code GET /ops/exchange-log/runs[/{runId}[/rejects]]}).
 */
@RestController
@RequestMapping(path = "/ops/exchange-log", produces = "application/json")
class ExchangeLogController {

    private static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StateStore state;
    private final Masking masking;

    ExchangeLogController(StateStore state, Masking masking) {
        this.state = state;
        this.masking = masking;
    }

    /** The newest runs first, of one feed or of all. */
    @GetMapping("/runs")
    List<Map<String, Object>> runs(@RequestParam(required = false) String feed,
            @RequestParam(defaultValue = "50") int limit) {
        return state.runs(feed == null || feed.isBlank() ? null : feed, clamp(limit)).stream().map(this::run).toList();
    }

    @GetMapping("/runs/{runId}")
    Map<String, Object> run(@PathVariable String runId) {
        return run(state.run(runId).orElseThrow(() -> notFound(runId)));
    }

    /** The run's rejects, personal values masked. */
    @GetMapping("/runs/{runId}/rejects")
    Map<String, Object> rejects(@PathVariable String runId, @RequestParam(defaultValue = "100") int limit,
            @RequestParam(defaultValue = "0") int offset) {
        RunRecord run = state.run(runId).orElseThrow(() -> notFound(runId));
        List<QuarantineRecord> all = state.rejections(runId);
        Map<Long, String> replays = state.replays(runId);
        List<Map<String, Object>> shown = new ArrayList<>();
        Map<String, Masking.ColumnMasks> masks = new LinkedHashMap<>();
        int from = Math.max(0, offset);
        for (QuarantineRecord q : all.subList(Math.min(from, all.size()), Math.min(all.size(), from + clamp(limit)))) {
            Masking.ColumnMasks m = masks.computeIfAbsent(q.dataset() + "\u0000" + q.source(),
                    k -> masking.columns(q.dataset(), q.source()));
            Map<String, String> raw = RawForms.columns(q.rawForm());
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("id", q.id());
            r.put("sourceKey", raw == null ? masking.key(q.dataset(), q.sourceKey()) : m.sourceKey(q.sourceKey(), raw));
            r.put("dataset", q.dataset());
            r.put("source", q.source());
            r.put("rejectedAt", String.valueOf(q.rejectedAt()));
            r.put("reasons", q.violations().stream().map(ExchangeLogController::violation).toList());
            r.put("record", raw == null ? Map.of("raw", "(not a record of columns; " + q.rawForm().length()
                    + " characters, hidden)") : m.apply(raw, q.sourceKey()));
            r.put("replayedByRun", replays.get(q.id()));
            shown.add(r);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", run.runId());
        body.put("feedId", run.feedId());
        body.put("total", all.size());
        body.put("offset", from);
        body.put("rejects", shown);
        return body;
    }

    private static Map<String, Object> violation(Violation v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("field", v.field());
        m.put("reason", v.reason().name());
        m.put("detail", v.detail());
        return m;
    }

    private Map<String, Object> run(RunRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        m.put("feedId", r.feedId());
        m.put("instance", r.instanceId());
        m.put("status", r.status().name());
        m.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
        m.put("endedAt", r.endedAt() == null ? null : r.endedAt().toString());
        m.put("rowsRead", r.rowsRead());
        m.put("rowsDelivered", r.rowsDelivered());
        m.put("rowsRejected", r.rowsRejected());
        m.put("rowsUnchanged", r.rowsUnchanged());
        m.put("warnings", r.warnings());
        m.put("watermarkBefore", masking.watermark(null, r.watermarkBefore()));
        m.put("watermarkAfter", masking.watermark(null, r.watermarkAfter()));
        m.put("error", r.error());
        if (r.reconciliation() != null) {
            Map<String, Object> rec = new LinkedHashMap<>();
            rec.put("outcome", r.reconciliation().outcome().name());
            rec.put("sourceCount", r.reconciliation().sourceCount());
            rec.put("accounted", r.reconciliation().accounted());
            rec.put("method", r.reconciliation().method());
            m.put("reconciliation", rec);
        }
        m.put("receipt", receipt(r.receipt()));
        return m;
    }

    private static Object receipt(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node;
        } catch (Exception e) {
            return json;
        }
    }

    private static int clamp(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    private static ResponseStatusException notFound(String runId) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId + " in the exchange log");
    }
}
