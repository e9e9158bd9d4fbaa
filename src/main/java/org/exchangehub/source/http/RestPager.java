package org.exchangehub.source.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Walks the pages of one run of a REST source: builds each page's request in the configured paging style,
 * sends it through {@link ResilientHttp}, and hands back the page's records array. Only the current page is
 * held; paging ends at an empty page, at the total, or when the service gives no further cursor or link. A cursor
 * or next link seen before in the run fails it (the paging would never end), and so does a next link off the
 * configured service's scheme, host and port (the hub never follows a service to another host).
 */
final class RestPager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK_NEXT = Pattern.compile("<([^>]*)>\\s*;[^,]*\\brel=\"?next\"?");

    /** One page: its 1-based position in the run and its records array. */
    record Page(int number, JsonNode items) {
    }

    private final RestSourceEndpoint endpoint;
    private final RestPaging paging;
    private final ResilientHttp http;
    private final Authentication auth;
    private final Increment increment;
    private final JsonPath records;
    private final JsonPath total;
    private final JsonPath cursorPath;
    private final JsonPath nextLinkPath;

    private int pages;
    private long fetched;
    private long reportedTotal = -1;
    private long offset;
    private String cursor;
    private URI nextUrl;
    private boolean done;
    /** The cursors and page URLs this run has asked for: one short string a page, to refuse a loop. */
    private final Set<String> seen = new HashSet<>();

    RestPager(RestSourceEndpoint endpoint, ResilientHttp http, Authentication auth, Increment increment) {
        this.endpoint = endpoint;
        this.paging = endpoint.pagingStyle();
        this.http = http;
        this.auth = auth;
        this.increment = increment;
        this.records = JsonPath.of(endpoint.getRecordsPath());
        this.total = JsonPath.of(endpoint.getTotalPath());
        this.cursorPath = JsonPath.of(endpoint.getCursorPath());
        this.nextLinkPath = JsonPath.of(endpoint.getNextLinkPath());
    }

    /** The next page with at least one element, or null when paging has ended. */
    Page next() {
        if (done) {
            return null;
        }
        if (endpoint.getMaxPages() > 0 && pages >= endpoint.getMaxPages()) {
            throw new HttpSourceException(endpoint.getUrl() + " has more than maxPages = " + endpoint.getMaxPages()
                    + " pages; raise maxPages or check the paging options (a service that never ends its paging?)");
        }
        URI uri;
        Map<String, Object> params = new LinkedHashMap<>();
        if (paging == RestPaging.NEXT_LINK && nextUrl != null) {
            uri = nextUrl;
        } else {
            addIncrement(params);
            switch (paging) {
                case PAGE -> {
                    params.put(endpoint.getPageParam(), endpoint.getFirstPage() + pages);
                    params.put(endpoint.getSizeParam(), endpoint.getPageSize());
                }
                case OFFSET -> {
                    params.put(endpoint.getOffsetParam(), offset);
                    params.put(endpoint.getLimitParam(), endpoint.getPageSize());
                }
                case CURSOR -> {
                    params.put(endpoint.getSizeParam(), endpoint.getPageSize());
                    if (cursor != null) {
                        params.put(endpoint.getCursorParam(), cursor);
                    }
                }
                case NEXT_LINK -> params.put(endpoint.getLimitParam(), endpoint.getPageSize());
                case NONE -> { }
            }
            uri = endpoint.method().equals("GET") ? withQuery(endpoint.uri(), params) : withQuery(endpoint.uri(), Map.of());
        }
        boolean post = endpoint.method().equals("POST") && !(paging == RestPaging.NEXT_LINK && nextUrl != null);
        String body = post ? body(params) : null;
        String what = (post ? "POST " : "GET ") + uri;
        URI target = uri;
        seen.add(uri.toString());
        ServiceResponse response = http.send(what, () -> (post
                ? ServiceRequest.post(target, body).header("Content-Type", "application/json")
                : ServiceRequest.get(target)).header("Accept", "application/json"), auth, r -> false);
        pages++;
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new HttpSourceException(what + " did not answer JSON: " + e.getMessage());
        }
        JsonNode items = records.find(root);
        if (!items.isArray()) {
            throw new HttpSourceException(what + " answered without a records array at recordsPath '" + records
                    + "' (found " + (items.isMissingNode() ? "nothing" : items.getNodeType().name().toLowerCase())
                    + "); check recordsPath");
        }
        fetched += items.size();
        advance(root, response, uri, items.size());
        if (items.isEmpty()) {
            done = true;
            return null;
        }
        return new Page(pages, items);
    }

    /** The total of records the service reported for this pull (its last page's), or -1 where it gives none. */
    long reportedTotal() {
        return reportedTotal;
    }

    private void advance(JsonNode root, ServiceResponse response, URI uri, int count) {
        switch (paging) {
            case PAGE, OFFSET -> {
                offset += count;
                String t = total.isEmpty() ? null : total.text(root);
                if (t != null) {
                    try {
                        reportedTotal = Long.parseLong(t.trim());
                        done = fetched >= reportedTotal;
                    } catch (NumberFormatException e) {
                        throw new HttpSourceException(uri + " gave a total that is not a number at totalPath '"
                                + total + "'");
                    }
                }
            }
            case CURSOR -> {
                String next = cursorPath.text(root);
                if (next != null && next.equals(cursor)) {
                    throw new HttpSourceException(uri + " gave the same cursor again; the paging would never end");
                }
                if (next != null && !seen.add("cursor:" + next)) {
                    throw new HttpSourceException(uri + " gave cursor '" + next + "', which an earlier page of this"
                            + " run gave; the paging would never end");
                }
                cursor = next;
                done = next == null;
            }
            case NEXT_LINK -> {
                String link = nextLinkPath.isEmpty() ? linkHeader(response) : nextLinkPath.text(root);
                URI next = link == null ? null : uri.resolve(link.trim());
                if (next != null && next.equals(uri)) {
                    throw new HttpSourceException(uri + " links to itself as the next page; the paging would never end");
                }
                if (next != null && !sameService(next)) {
                    throw new HttpSourceException(uri + " links its next page to " + next + ", off the configured"
                            + " service " + origin(endpoint.uri()) + "; the hub follows next links only on the service's"
                            + " own scheme, host and port");
                }
                if (next != null && seen.contains(next.toString())) {
                    throw new HttpSourceException(uri + " links back to " + next + ", a page this run has already"
                            + " read; the paging would never end");
                }
                nextUrl = next;
                done = next == null;
            }
            case NONE -> done = true;
        }
    }

    private boolean sameService(URI next) {
        URI service = endpoint.uri();
        return service.getScheme().equalsIgnoreCase(String.valueOf(next.getScheme()))
                && service.getHost().equalsIgnoreCase(String.valueOf(next.getHost()))
                && port(service) == port(next);
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : "http".equalsIgnoreCase(u.getScheme()) ? 80 : -1;
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    }

    private static String linkHeader(ServiceResponse response) {
        for (String value : response.allHeaders("Link")) {
            Matcher m = LINK_NEXT.matcher(value);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private void addIncrement(Map<String, Object> params) {
        String since = increment.since();
        if (endpoint.getSinceParam() != null && !endpoint.getSinceParam().isBlank() && since != null) {
            params.put(endpoint.getSinceParam().trim(), since);
        }
        if (endpoint.getUntilParam() != null && !endpoint.getUntilParam().isBlank()) {
            params.put(endpoint.getUntilParam().trim(), increment.until());
        }
        if (increment.isWindowed() && endpoint.windowStartParam() != null) {
            params.put(endpoint.windowStartParam(), increment.windowStart());
        }
        if (increment.isWindowed() && endpoint.windowEndParam() != null) {
            params.put(endpoint.windowEndParam(), increment.windowEnd());
        }
    }

    private URI withQuery(URI base, Map<String, Object> params) {
        StringBuilder q = new StringBuilder();
        String fixed = endpoint.getQueryParameters();
        if (fixed != null && !fixed.isBlank()) {
            q.append(fixed.trim());
        }
        for (Map.Entry<String, Object> p : params.entrySet()) {
            q.append(q.length() == 0 ? "" : "&").append(URLEncoder.encode(p.getKey(), StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(String.valueOf(p.getValue()), StandardCharsets.UTF_8));
        }
        if (q.length() == 0) {
            return base;
        }
        String s = base.toString();
        return URI.create(s + (base.getRawQuery() == null ? "?" : "&") + q);
    }

    private String body(Map<String, Object> params) {
        ObjectNode body;
        try {
            String template = endpoint.getRequestBody();
            body = template == null || template.isBlank() ? JSON.createObjectNode()
                    : (ObjectNode) JSON.readTree(template);
        } catch (IOException | ClassCastException e) {
            throw new HttpSourceException("option requestBody is not a JSON object: " + e.getMessage());
        }
        params.forEach((k, v) -> {
            if (v instanceof Number n) {
                body.put(k, n.longValue());
            } else {
                body.put(k, String.valueOf(v));
            }
        });
        return body.toString();
    }
}
