package org.exchangehub.ops;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import org.exchangehub.state.RejectQuery;
import org.exchangehub.state.StateStore;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Rejects back to the department as a download ({@code format=csv|jsonl|xlsx}): a run's
 * ({@code GET /ops/exchange-log/runs/{runId}/rejects?format=csv}) or a feed's
 * ({@code GET /ops/exchange-log/feeds/{feedId}/rejects?format=csv&status=open|all&since=2026-12-01}). Masked; with
 * {@code unmask=true&reason=…} in clear for a user with the {@code unmask} role, audited.
 */
@RestController
@RequestMapping("/ops/exchange-log")
class RejectDownloadController {

    private final StateStore state;
    private final RejectExports exports;

    RejectDownloadController(StateStore state, RejectExports exports) {
        this.state = state;
        this.exports = exports;
    }

    @GetMapping(path = "/runs/{runId}/rejects", params = "format")
    ResponseEntity<StreamingResponseBody> ofRun(@PathVariable String runId, @RequestParam String format,
            @RequestParam(defaultValue = "false") boolean unmask, @RequestParam(required = false) String reason,
            Authentication caller) {
        var run = state.run(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no run " + runId));
        return download(RejectQuery.ofRun(run.runId()), "rejects-" + run.feedId() + "-" + run.runId(), format,
                unmask, reason, caller);
    }

    @GetMapping(path = "/feeds/{feedId}/rejects")
    ResponseEntity<StreamingResponseBody> ofFeed(@PathVariable String feedId,
            @RequestParam(defaultValue = "csv") String format, @RequestParam(defaultValue = "open") String status,
            @RequestParam(required = false) String since, @RequestParam(defaultValue = "false") boolean unmask,
            @RequestParam(required = false) String reason, Authentication caller) {
        if (!status.equals("open") && !status.equals("all")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "status is open or all, not " + status);
        }
        RejectQuery query = new RejectQuery(feedId, null, since == null ? null : instant(since), status.equals("open"));
        return download(query, "rejects-" + feedId, format, unmask, reason, caller);
    }

    private ResponseEntity<StreamingResponseBody> download(RejectQuery query, String name, String format,
            boolean unmask, String reason, Authentication caller) {
        RejectExports.Format f;
        try {
            f = RejectExports.Format.of(format);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        RejectExports.Unmask clear = null;
        if (unmask) {
            boolean allowed = caller != null && caller.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + OpsUsers.UNMASK));
            if (!allowed) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                        "reading rejects in clear needs the unmask role");
            }
            if (reason == null || reason.isBlank()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                        "unmask=true needs reason=… (kept in the audit trail)");
            }
            clear = new RejectExports.Unmask(caller.getName(), reason);
        }
        RejectExports.Unmask audited = clear;
        StreamingResponseBody body = out -> exports.export(query, f, out, audited);
        String file = name.replaceAll("[^A-Za-z0-9._-]", "_") + "." + f.extension;
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build()
                        .toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** An instant or a date (the start of that day in this host's zone). */
    static Instant instant(String text) {
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneId.systemDefault()).toInstant()
                    : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "since is a date (2026-12-01) or an instant (2026-12-01T08:00:00Z), not " + text);
        }
    }
}
