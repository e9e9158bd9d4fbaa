package org.exchangehub.source.http;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Processor;
import org.exchangehub.feed.BatchSink;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.StateStore;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathExpressionException;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * One run of a {@code soap-source} feed: asks for page after page (the template filled with the window and the
 * page number) until a page has no records, window by window where it walks time windows, and hands each page
 * on as one batch (see {@link Batches}). A SOAP Fault ends the run with its code and string.
 */
final class SoapSourceConsumer extends HttpSourceConsumer<SoapSourceEndpoint> {

    SoapSourceConsumer(SoapSourceEndpoint endpoint, Processor processor, StateStore state, FeedRegistry registry) {
        super(endpoint, processor, state, registry);
    }

    @Override
    protected void read(BatchSink sink) {
        http.startRun();
        Increment increment = Increment.start(endpoint, stateStore(), feedId(), clock);
        XmlRecords converter = new XmlRecords(endpoint.compileRecordPath(),
                new RecordAssembler(endpoint.fieldList(), endpoint.getKeyField(), increment));
        XPathExpression totalPath = endpoint.compileTotalPath();
        Batches.deliverAll(sink, () -> new Pages(increment, converter, totalPath, sink)::next, increment);
        sink.skipped(increment.skipped());
    }

    /** The pages of one run or window; ends after the first page without records. */
    private final class Pages {

        private final Increment increment;
        private final XmlRecords converter;
        private final XPathExpression totalPath;
        private final BatchSink sink;
        private int pages;
        private boolean done;

        Pages(Increment increment, XmlRecords converter, XPathExpression totalPath, BatchSink sink) {
            this.increment = increment;
            this.converter = converter;
            this.totalPath = totalPath;
            this.sink = sink;
        }

        /** The total the first page of the query (window) reports: the source's count for it. */
        private void count(Document document, String what) {
            String text;
            try {
                text = totalPath.evaluate(document).strip();
            } catch (XPathExpressionException e) {
                throw new HttpSourceException(what + ": totalPath cannot be evaluated (" + e.getMessage() + ")");
            }
            try {
                sink.sourceCount(Long.parseLong(text), "the total the service reported (totalPath)");
            } catch (NumberFormatException e) {
                throw new HttpSourceException(what + " gave a total that is not a number at totalPath: '"
                        + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
            }
        }

        PageRecords next() {
            if (done) {
                return null;
            }
            if (endpoint.getMaxPages() > 0 && pages >= endpoint.getMaxPages()) {
                throw new HttpSourceException(endpoint.getUrl() + " has more than maxPages = "
                        + endpoint.getMaxPages() + " pages; raise maxPages or check the request template");
            }
            int page = endpoint.getFirstPage() + pages;
            Map<String, Object> values = new HashMap<>();
            values.put("since", increment.since());
            values.put("until", increment.until());
            values.put("windowStart", increment.windowStart());
            values.put("windowEnd", increment.windowEnd());
            values.put("page", page);
            values.put("pageSize", endpoint.getPageSize());
            values.put("offset", (long) pages * endpoint.getPageSize());
            String body = endpoint.template().render(values);
            URI uri = endpoint.uri();
            String what = "POST " + uri + " (page " + page + ")";
            ServiceResponse response = http.send(what, () -> {
                ServiceRequest request = ServiceRequest.post(uri, body);
                endpoint.version().headers(request, endpoint.getSoapAction());
                return request;
            }, auth, SoapSourceConsumer::isFault);
            pages++;
            Document document;
            try {
                document = SecureXml.parse(response.body());
            } catch (SAXException | IOException e) {
                throw new HttpSourceException(what + " did not answer well-formed, DOCTYPE-free XML: "
                        + e.getMessage());
            }
            PageRecords records = converter.convert(document, what, page);
            if (response.statusCode() / 100 != 2) {
                throw new HttpSourceException(what + " answered HTTP " + response.statusCode() + " without a Fault");
            }
            if (pages == 1 && totalPath != null) {
                count(document, what);
            }
            if (converter.selected() == 0) {
                done = true;
                return null;
            }
            return records;
        }
    }

    /** A 500 carrying a SOAP Fault is the service's final answer, not a transient error. */
    private static boolean isFault(ServiceResponse response) {
        if (response.statusCode() != 500) {
            return false;
        }
        String head = new String(response.body(), 0, Math.min(response.body().length, 4096), StandardCharsets.UTF_8);
        return head.contains("Fault");
    }
}
