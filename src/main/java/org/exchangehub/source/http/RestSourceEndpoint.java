package org.exchangehub.source.http;

import java.util.Locale;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;

/**
 * Pulls a department's paged REST/JSON API into a feed: one request per page, each page one batch, records
 * taken from a JSON path, the incremental parameter filled from the stored watermark, or time windows walked
 * from it with their bounds in the window parameters. See
 * {@link HttpSourceEndpoint} for authentication, time-outs, retries and TLS.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "rest-source", title = "Paged REST source",
        syntax = "rest-source:url", consumerOnly = true, category = { Category.HTTP })
public final class RestSourceEndpoint extends HttpSourceEndpoint {

    @UriParam(defaultValue = "GET", enums = "GET,POST", description = "GET sends the paging and incremental"
            + " parameters in the query string; POST sends them as fields of a JSON body (see requestBody).")
    private String method = "GET";

    @UriParam(defaultValue = "page", enums = "page,offset,cursor,next-link,none", description = "The paging style:"
            + " page (page number + size), offset (offset + limit), cursor (a cursor from each response), next-link"
            + " (a next-page URL in the body or the Link header), none (one request).")
    private String paging = "page";

    @UriParam(description = "The JSON path of the records array in a response, e.g. data.items; the response"
            + " itself when empty.")
    private String recordsPath;

    @UriParam(description = "The JSON path of the total record count, e.g. data.total; paging then stops when it is"
            + " reached, else at the first empty page.")
    private String totalPath;

    @UriParam(defaultValue = "page", description = "The page-number parameter (paging=page).")
    private String pageParam = "page";

    @UriParam(defaultValue = "size", description = "The page-size parameter (paging=page or cursor).")
    private String sizeParam = "size";

    @UriParam(defaultValue = "offset", description = "The offset parameter (paging=offset).")
    private String offsetParam = "offset";

    @UriParam(defaultValue = "limit", description = "The limit parameter (paging=offset, next-link).")
    private String limitParam = "limit";

    @UriParam(defaultValue = "cursor", description = "The parameter that sends the cursor back (paging=cursor).")
    private String cursorParam = "cursor";

    @UriParam(description = "The JSON path of the next cursor in a response (paging=cursor), e.g. meta.nextCursor.")
    private String cursorPath;

    @UriParam(description = "The JSON path of the next page's URL (paging=next-link), e.g. links.next; the Link"
            + " header's rel=next when empty. A link off the url's scheme, host and port, or back to a page already"
            + " read, fails the run.")
    private String nextLinkPath;

    @UriParam(description = "The parameter that carries the watermark (e.g. updatedSince); the source is a full"
            + " load on every run without it.")
    private String sinceParam;

    @UriParam(description = "A parameter that carries the end of the run's window (e.g. updatedBefore), if the"
            + " service wants one.")
    private String untilParam;

    @UriParam(label = "windows", description = "The parameter that carries the start of each time window, in"
            + " windowFormat (e.g. startDate); needs windowLength.")
    private String windowStartParam;

    @UriParam(label = "windows", description = "The parameter that carries the end of each time window, in"
            + " windowFormat (e.g. endDate); needs windowLength.")
    private String windowEndParam;

    @UriParam(description = "Fixed query parameters added to every request, e.g. status=active&region=35.")
    private String queryParameters;

    @UriParam(description = "For POST: a JSON object sent as the body, into which the paging and incremental"
            + " parameters are put.")
    private String requestBody;

    RestSourceEndpoint(String uri, RestSourceComponent component, String url) {
        super(uri, component, url);
    }

    @Override
    protected String scheme() {
        return "rest-source";
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        RestSourceConsumer consumer = new RestSourceConsumer(this, processor, stateStore(), feedRegistry());
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    void validate() {
        super.validate();
        String m = method();
        if (!m.equals("GET") && !m.equals("POST")) {
            fail("method", method, "is not GET or POST");
        }
        RestPaging p = pagingStyle();
        if (p == RestPaging.CURSOR) {
            require("cursorPath", cursorPath, "paging=cursor");
        }
        for (String path : new String[] {recordsPath, totalPath, cursorPath, nextLinkPath}) {
            try {
                JsonPath.of(path);
            } catch (IllegalArgumentException e) {
                fail("path", path, e.getMessage());
            }
        }
        if (requestBody != null && !requestBody.isBlank() && !requestBody.trim().startsWith("{")) {
            fail("requestBody", requestBody, "is not a JSON object");
        }
        validateWindowParams();
    }

    /** A window no parameter carries would be asked for as the whole history, again and again. */
    private void validateWindowParams() {
        if (!isWindowed()) {
            for (String[] p : new String[][] {{"windowStartParam", windowStartParam}, {"windowEndParam", windowEndParam}}) {
                if (present(p[1])) {
                    fail(p[0], p[1], "is set but windowLength is not, so it would never be sent. Fix: give"
                            + " windowLength and windowStart, or remove " + p[0]);
                }
            }
        } else if (!present(windowStartParam) && !present(windowEndParam) && !present(getSinceParam())
                && !present(getUntilParam())) {
            fail("windowLength", getWindowLength(), "walks time windows, but no parameter carries them to the"
                    + " service. Fix: name the service's parameters in windowStartParam and windowEndParam");
        }
    }

    String windowStartParam() {
        return present(windowStartParam) ? windowStartParam.trim() : null;
    }

    String windowEndParam() {
        return present(windowEndParam) ? windowEndParam.trim() : null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    RestPaging pagingStyle() {
        try {
            return RestPaging.parse(paging);
        } catch (RuntimeException e) {
            throw fail("paging", paging, "is not one of page, offset, cursor, next-link, none");
        }
    }

    String method() {
        return method == null ? "GET" : method.trim().toUpperCase(Locale.ROOT);
    }

    public String getMethod() {
        return method;
    }

    public void setMethod(String method) {
        this.method = method;
    }

    public String getPaging() {
        return paging;
    }

    public void setPaging(String paging) {
        this.paging = paging;
    }

    public String getRecordsPath() {
        return recordsPath;
    }

    public void setRecordsPath(String recordsPath) {
        this.recordsPath = recordsPath;
    }

    public String getTotalPath() {
        return totalPath;
    }

    public void setTotalPath(String totalPath) {
        this.totalPath = totalPath;
    }

    public String getPageParam() {
        return pageParam;
    }

    public void setPageParam(String pageParam) {
        this.pageParam = pageParam;
    }

    public String getSizeParam() {
        return sizeParam;
    }

    public void setSizeParam(String sizeParam) {
        this.sizeParam = sizeParam;
    }

    public String getOffsetParam() {
        return offsetParam;
    }

    public void setOffsetParam(String offsetParam) {
        this.offsetParam = offsetParam;
    }

    public String getLimitParam() {
        return limitParam;
    }

    public void setLimitParam(String limitParam) {
        this.limitParam = limitParam;
    }

    public String getCursorParam() {
        return cursorParam;
    }

    public void setCursorParam(String cursorParam) {
        this.cursorParam = cursorParam;
    }

    public String getCursorPath() {
        return cursorPath;
    }

    public void setCursorPath(String cursorPath) {
        this.cursorPath = cursorPath;
    }

    public String getNextLinkPath() {
        return nextLinkPath;
    }

    public void setNextLinkPath(String nextLinkPath) {
        this.nextLinkPath = nextLinkPath;
    }

    public String getSinceParam() {
        return sinceParam;
    }

    public void setSinceParam(String sinceParam) {
        this.sinceParam = sinceParam;
    }

    public String getUntilParam() {
        return untilParam;
    }

    public void setUntilParam(String untilParam) {
        this.untilParam = untilParam;
    }

    public String getWindowStartParam() {
        return windowStartParam;
    }

    public void setWindowStartParam(String windowStartParam) {
        this.windowStartParam = windowStartParam;
    }

    public String getWindowEndParam() {
        return windowEndParam;
    }

    public void setWindowEndParam(String windowEndParam) {
        this.windowEndParam = windowEndParam;
    }

    public String getQueryParameters() {
        return queryParameters;
    }

    public void setQueryParameters(String queryParameters) {
        this.queryParameters = queryParameters;
    }

    public String getRequestBody() {
        return requestBody;
    }

    public void setRequestBody(String requestBody) {
        this.requestBody = requestBody;
    }
}
