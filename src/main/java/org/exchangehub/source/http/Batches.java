package org.exchangehub.source.http;

import java.util.List;
import java.util.function.Supplier;

import org.exchangehub.feed.BatchSink;

/**
 * Hands the pages of a service pull to the feed, one batch per page, window by window. A page is delivered only
 * once the next page of its window with something in it was fetched, so that the window's last batch is known
 * and carries the new watermark; at most two pages are held at a time. Pages whose records were all delivered
 * before are passed over. A window without records moves the watermark with the next window's last batch, or,
 * when the run's last windows held nothing, with one empty batch at the end.
 */
final class Batches {

    private Batches() {
    }

    /** @param paging a fresh paging for the current window: the next page's records, or null when it has ended */
    static void deliverAll(BatchSink sink, Supplier<Supplier<PageRecords>> paging, Increment increment) {
        boolean uncommitted = false;
        for (Window window : increment.windows()) {
            increment.enter(window);
            boolean delivered = deliverWindow(sink, paging.get(), increment);
            uncommitted = increment.isWindowed() && !delivered;
        }
        if (uncommitted) {
            sink.deliver(List.of(), increment.checkpoint(List.of(), List.of(), true));
        }
    }

    private static boolean deliverWindow(BatchSink sink, Supplier<PageRecords> pages, Increment increment) {
        PageRecords current = nextNonEmpty(pages);
        boolean delivered = current != null;
        while (current != null) {
            PageRecords following = nextNonEmpty(pages);
            current.rejections().forEach(sink::reject);
            sink.deliver(current.records(),
                    increment.checkpoint(current.keys(), current.times(), following == null));
            current = following;
        }
        return delivered;
    }

    private static PageRecords nextNonEmpty(Supplier<PageRecords> pages) {
        PageRecords page = pages.get();
        while (page != null && page.records().isEmpty() && page.rejections().isEmpty()) {
            page = pages.get();
        }
        return page;
    }
}
