package org.exchangehub.ops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exchangehub.feed.FeedConsumer;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * The quality page ({@code /ops/quality}, operators and viewers): per department and feed, the runs over time
 * (delivered, rejected, unreconciled), rejects by reason, lag, the last error and the reject downloads. The page
 * draws what {@code /ops/quality/data?days=N} answers.
 */
@RestController
@RequestMapping("/ops/quality")
class QualityController {

    private static final int MAX_RUNS = 200;

    private final FeedRegistry registry;
    private final StateStore state;

    QualityController(FeedRegistry registry, StateStore state) {
        this.registry = registry;
        this.state = state;
    }

    @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page() throws IOException {
        try (InputStream in = new ClassPathResource("ops/quality.html").getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .header("Cache-Control", "no-store").body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @GetMapping(path = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> data(@RequestParam(defaultValue = "30") int days) {
        if (days < 1 || days > 366) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "days is 1 to 366, not " + days);
        }
        Instant since = Instant.now().minus(Duration.ofDays(days));
        Map<String, List<Map<String, Object>>> byDepartment = new TreeMap<>();
        List<FeedConsumer> feeds = new ArrayList<>(registry.feeds());
        feeds.sort(java.util.Comparator.comparing(FeedConsumer::feedId));
        for (FeedConsumer feed : feeds) {
            byDepartment.computeIfAbsent(department(feed.feedId()), d -> new ArrayList<>()).add(feed(feed, since));
        }
        List<Map<String, Object>> departments = new ArrayList<>();
        byDepartment.forEach((name, list) -> {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("department", name);
            d.put("delivered", sum(list, "delivered"));
            d.put("rejected", sum(list, "rejected"));
            d.put("unreconciledRuns", sum(list, "unreconciledRuns"));
            d.put("feeds", list);
            departments.add(d);
        });
        Map<String, String> explanations = new LinkedHashMap<>();
        for (ReasonCode r : ReasonCode.values()) {
            explanations.put(r.name(), RejectExplanations.of(r));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("generatedAt", Instant.now().toString());
        body.put("days", days);
        body.put("since", since.toString());
        body.put("reasons", explanations);
        body.put("departments", departments);
        return body;
    }

    /** The department of a feed: its id up to the first dot ({@code tax.registrations} → {@code tax}). */
    static String department(String feedId) {
        int dot = feedId.indexOf('.');
        return dot > 0 ? feedId.substring(0, dot) : feedId;
    }

    private Map<String, Object> feed(FeedConsumer feed, Instant since) {
        String id = feed.feedId();
        List<RunRecord> newest = state.runs(id, MAX_RUNS);
        List<Map<String, Object>> runs = new ArrayList<>();
        long delivered = 0;
        long rejected = 0;
        long unreconciled = 0;
        for (int i = newest.size() - 1; i >= 0; i--) {
            RunRecord r = newest.get(i);
            if (r.startedAt().isBefore(since)) {
                continue;
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("runId", r.runId());
            run.put("startedAt", r.startedAt().toString());
            run.put("status", r.status().name());
            run.put("delivered", r.rowsDelivered());
            run.put("rejected", r.rowsRejected());
            run.put("unchanged", r.rowsUnchanged());
            run.put("unreconciled", r.isUnreconciled());
            if (r.reconciliation() != null) {
                run.put("sourceCount", r.reconciliation().sourceCount());
                run.put("accounted", r.reconciliation().accounted());
            }
            runs.add(run);
            delivered += r.rowsDelivered();
            rejected += r.rowsRejected();
            unreconciled += r.isUnreconciled() ? 1 : 0;
        }
        Map<String, Long> reasons = new LinkedHashMap<>();
        state.rejectionCountsByReason(id, since).forEach((reason, n) -> reasons.put(reason.name(), n));
        RunRecord last = newest.isEmpty() ? null : newest.get(0);
        String encoded = UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("feedId", id);
        f.put("status", feed.status().name());
        f.put("lagSeconds", FeedControl.lag(state, id).map(Duration::toSeconds).orElse(null));
        f.put("lastRunStatus", last == null ? null : last.status().name());
        f.put("lastRunReconciliation", last == null || last.reconciliation() == null ? null
                : last.reconciliation().toString());
        f.put("lastError", newest.stream().filter(r -> r.error() != null).findFirst()
                .map(r -> Map.of("runId", r.runId(), "at", String.valueOf(r.endedAt()), "error", r.error()))
                .orElse(null));
        f.put("delivered", delivered);
        f.put("rejected", rejected);
        f.put("unreconciledRuns", unreconciled);
        f.put("runs", runs);
        f.put("rejectsByReason", reasons);
        f.put("rejectsCsv", "/ops/exchange-log/feeds/" + encoded + "/rejects?format=csv&status=open");
        f.put("rejectsXlsx", "/ops/exchange-log/feeds/" + encoded + "/rejects?format=xlsx&status=open");
        return f;
    }

    private static long sum(List<Map<String, Object>> feeds, String key) {
        return feeds.stream().mapToLong(f -> ((Number) f.get(key)).longValue()).sum();
    }
}
