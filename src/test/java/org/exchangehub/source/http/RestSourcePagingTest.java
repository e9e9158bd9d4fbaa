package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/** Each paging style of the REST source, across several pages of a real HTTP server. */
class RestSourcePagingTest extends StubServerFeedTest {

    private static final String PATH = "/api/persons";

    RestSourcePagingTest() throws Exception {
        super(StubServer.http());
    }

    private FeedHarness feed(String options) throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=3&" + options);
        return feed;
    }

    @Test
    void pageNumbersStopWhenTheTotalIsReached() throws Exception {
        server.on(PATH, r -> People.page(7, Integer.parseInt(r.param("page")), Integer.parseInt(r.param("size")), true));
        feed("paging=page&recordsPath=data.items&totalPath=data.total");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 7));
        assertThat(feed.batches).hasSize(3);
        assertThat(server.requests).extracting(r -> r.param("page")).containsExactly("1", "2", "3");
    }

    @Test
    void pageNumbersWithoutATotalStopAtTheFirstEmptyPage() throws Exception {
        server.on(PATH, r -> People.page(6, Integer.parseInt(r.param("page")), 3, false));
        feed("paging=page&recordsPath=data.items");

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 6));
        assertThat(server.requests).extracting(r -> r.param("page")).containsExactly("1", "2", "3");
    }

    @Test
    void pageNumbersMayStartAtZero() throws Exception {
        server.on(PATH, r -> People.page(5, Integer.parseInt(r.param("pageNo")) + 1, 3, false));
        feed("paging=page&firstPage=0&pageParam=pageNo&recordsPath=data.items");

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 5));
    }

    @Test
    void offsetAndLimitWalkTheWholeList() throws Exception {
        server.on(PATH, r -> {
            int offset = Integer.parseInt(r.param("offset"));
            int limit = Integer.parseInt(r.param("limit"));
            return StubServer.Response.json(offset >= 8 ? "[]" : People.array(offset + 1, Math.min(8, offset + limit)));
        });
        feed("paging=offset");

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 8));
        assertThat(server.requests).extracting(r -> r.param("offset")).containsExactly("0", "3", "6", "8");
    }

    @Test
    void aCursorFromEachResponseFetchesTheNextPage() throws Exception {
        server.on(PATH, r -> {
            String cursor = r.param("after");
            int from = cursor == null ? 1 : Integer.parseInt(cursor.substring(1)) + 1;
            int to = Math.min(7, from + 2);
            String next = to < 7 ? "\"c" + to + "\"" : "null";
            return StubServer.Response.json("{\"records\":" + People.array(from, to) + ",\"meta\":{\"next\":" + next
                    + "}}");
        });
        feed("paging=cursor&cursorParam=after&cursorPath=meta.next&recordsPath=records");

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 7));
        assertThat(server.requests).extracting(r -> r.param("after")).containsExactly(null, "c3", "c6");
    }

    @Test
    void aNextLinkInTheBodyIsFollowed() throws Exception {
        server.on(PATH, r -> {
            int from = r.param("from") == null ? 1 : Integer.parseInt(r.param("from"));
            int to = Math.min(7, from + 2);
            String next = to < 7 ? "\"" + PATH + "?from=" + (to + 1) + "\"" : "null";
            return StubServer.Response.json("{\"items\":" + People.array(from, to) + ",\"links\":{\"next\":" + next + "}}");
        });
        feed("paging=next-link&nextLinkPath=links.next&recordsPath=items");

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 7));
        assertThat(server.requests).hasSize(3);
    }

    @Test
    void aNextLinkInTheLinkHeaderIsFollowed() throws Exception {
        server.on(PATH, r -> {
            int from = r.param("from") == null ? 1 : Integer.parseInt(r.param("from"));
            int to = Math.min(5, from + 2);
            StubServer.Response page = StubServer.Response.json(People.array(from, to));
            return to < 5 ? page.header("Link", "<" + server.url(PATH) + "?from=" + (to + 1) + ">; rel=\"next\"") : page;
        });
        feed("paging=next-link");

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 5));
    }

    @Test
    void postSendsThePagingParametersInTheJsonBody() throws Exception {
        server.on(PATH, r -> {
            int page = Integer.parseInt(r.body().replaceAll(".*\"page\":(\\d+).*", "$1"));
            return People.page(4, page, 3, true);
        });
        feed("method=POST&requestBody=" + java.net.URLEncoder.encode("{\"region\":\"35\"}", "UTF-8")
                + "&recordsPath=data.items&totalPath=data.total");

        feed.run();

        assertThat(feed.keys()).isEqualTo(People.keys(1, 4));
        assertThat(server.requests.get(0).body()).contains("\"region\":\"35\"").contains("\"size\":3");
    }

    @Test
    void nestedObjectsBecomeDottedFields() throws Exception {
        server.on(PATH, r -> StubServer.Response.json(r.param("page").equals("1") ? People.array(1, 1) : "[]"));
        feed("paging=page");

        feed.run();

        assertThat(feed.records().get(0).get("address.city")).isEqualTo("福州");
        assertThat(feed.records().get(0).get("name")).isEqualTo("姓名1");
    }

    @Test
    void anElementThatIsNotAnObjectIsRejectedAsMalformed() throws Exception {
        server.on(PATH, r -> StubServer.Response.json(r.param("page").equals("1")
                ? "[" + People.person(1) + ",\"garbage\"," + People.person(2) + "]" : "[]"));
        feed("paging=page");

        feed.run();

        assertThat(feed.keys()).containsExactly("P01", "P02");
        assertThat(feed.rejections()).singleElement().satisfies(r -> {
            assertThat(r.sourceKey()).isEqualTo("page 1 #2");
            assertThat(r.violations().get(0).reason().name()).isEqualTo("MALFORMED_RECORD");
        });
    }

    @Test
    void aServiceThatNeverEndsItsPagingFailsAtMaxPages() throws Exception {
        server.on(PATH, r -> StubServer.Response.json(People.array(1, 3)));
        feed("paging=page&maxPages=4");

        var run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("more than maxPages = 4");
        assertThat(feed.watermark()).isNull();
    }
}
