package org.exchangehub.source.http;

import java.util.function.Supplier;

import org.exchangehub.feed.BatchSink;

/**
 * Hands the pages of a service pull to the feed, one batch per page. A page is delivered only once the next
 * page with something in it was fetched, so that the run's last batch is known and carries the new watermark;
 * at most two pages are held at a time. Pages whose records were all delivered before are passed over.
 */
final class Batches {

    private Batches() {
    }

    /** @param pages the next page's records, or null when paging has ended */
    static void deliverAll(BatchSink sink, Supplier<PageRecords> pages, Increment increment) {
        PageRecords current = nextNonEmpty(pages);
        while (current != null) {
            PageRecords following = nextNonEmpty(pages);
            current.rejections().forEach(sink::reject);
            sink.deliver(current.records(),
                    increment.checkpoint(current.keys(), current.times(), following == null));
            current = following;
        }
    }

    private static PageRecords nextNonEmpty(Supplier<PageRecords> pages) {
        PageRecords page = pages.get();
        while (page != null && page.records().isEmpty() && page.rejections().isEmpty()) {
            page = pages.get();
        }
        return page;
    }
}
