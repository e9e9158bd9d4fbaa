package org.exchangehub.source.http;

import java.util.Locale;

/** How a REST service splits its results into pages. */
enum RestPaging {
    /** Page number and page size parameters; ends at an empty page or when the total is reached. */
    PAGE,
    /** Offset and limit parameters; ends at an empty page or when the total is reached. */
    OFFSET,
    /** An opaque cursor from each response, sent back for the next page; ends when there is none. */
    CURSOR,
    /** A URL of the next page, in the response body or the {@code Link: <…>; rel="next"} header. */
    NEXT_LINK,
    /** One request returns everything. */
    NONE;

    static RestPaging parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
