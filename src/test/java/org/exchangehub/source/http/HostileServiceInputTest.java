package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile answers of a REST service: values pass through as data byte-for-byte; a document nested too deep, paging
 * that loops back and a next link to another host fail the run with the reason, and the next good run succeeds.
 */
class HostileServiceInputTest extends StubServerFeedTest {

    private static final String PATH = "/api/persons";
    private static final ObjectMapper JSON = new ObjectMapper();

    HostileServiceInputTest() throws Exception {
        super(StubServer.http());
    }

    private FeedHarness feed(String options) throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + "?keyField=id&pageSize=3&" + options);
        return feed;
    }

    /** Page 1 holds P01 named {@code name} and P02 with an ordinary name; page 2 is empty. */
    private void serveOnePageNaming(String name) {
        ArrayNode people = JSON.createArrayNode();
        people.addObject().put("id", "P01").put("name", name);
        people.addObject().put("id", "P02").put("name", "姓名2");
        server.on(PATH, r -> StubServer.Response.json(r.param("page").equals("1") ? people.toString() : "[]"));
    }

    /** Injections, NUL and control characters, and a megabyte: each reaches its record whole, beside the other. */
    @ParameterizedTest
    @MethodSource("org.exchangehub.source.HostileValues#anyText")
    void aHostileJsonValueReachesTheRecordByteForByteAndTheOtherRecordIsDelivered(String hostile) throws Exception {
        serveOnePageNaming(hostile);

        RunRecord run = feed("paging=page").run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).containsExactly("P01", "P02");
        assertThat(feed.records().get(0).get("name")).isEqualTo(hostile);
    }

    @Test
    void jsonNestedTenThousandDeepFailsTheRunWithTheReasonAndTheNextGoodRunSucceeds() throws Exception {
        AtomicReference<String> page1 = new AtomicReference<>("[".repeat(10_000) + "]".repeat(10_000));
        server.on(PATH, r -> StubServer.Response.json(r.param("page").equals("1") ? page1.get() : "[]"));
        feed("paging=page&maxRetries=0");

        RunRecord hostile = feed.run();
        page1.set(People.array(1, 2));
        RunRecord next = feed.run();

        assertThat(hostile.status()).isEqualTo(RunStatus.FAILED);
        assertThat(hostile.error()).contains("did not answer JSON").contains("nesting depth")
                .doesNotContain("StackOverflowError");
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEqualTo(People.keys(1, 2));
    }

    @Test
    void aNextLinkThatLoopsBackToAnEarlierPageFailsTheRunEvenWithoutMaxPages() throws Exception {
        server.on(PATH, r -> {
            boolean second = "2".equals(r.param("from"));
            String next = second ? PATH + "?limit=3" : PATH + "?from=2"; // page 1 → page 2 → page 1 → …
            return StubServer.Response.json("{\"items\":" + (second ? People.array(3, 4) : People.array(1, 2))
                    + ",\"links\":{\"next\":\"" + next + "\"}}");
        });
        feed("paging=next-link&nextLinkPath=links.next&recordsPath=items");

        RunRecord run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("links back to " + server.url(PATH) + "?limit=3")
                .contains("a page this run has already read; the paging would never end");
        assertThat(server.requests).hasSize(2);
        assertThat(feed.watermark()).isNull();
    }

    @Test
    void aCursorThatComesBackAfterAnotherFailsTheRunEvenWithoutMaxPages() throws Exception {
        server.on(PATH, r -> {
            String next = "c1".equals(r.param("after")) ? "c2" : "c1"; // c1 → c2 → c1 → …
            return StubServer.Response.json("{\"records\":" + People.array(1, 2) + ",\"meta\":{\"next\":\"" + next
                    + "\"}}");
        });
        feed("paging=cursor&cursorParam=after&cursorPath=meta.next&recordsPath=records");

        RunRecord run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("gave cursor 'c1', which an earlier page of this run gave");
        assertThat(server.requests).extracting(r -> r.param("after")).containsExactly(null, "c1", "c2");
    }

    @Test
    void aNextLinkInTheBodyToAnotherHostIsNeverFollowedAndFailsTheRun() throws Exception {
        try (StubServer elsewhere = StubServer.http()) {
            AtomicInteger canary = new AtomicInteger();
            elsewhere.on("/", StubServer.counting(canary));
            server.on(PATH, r -> StubServer.Response.json("{\"items\":" + People.array(1, 2)
                    + ",\"links\":{\"next\":\"" + elsewhere.url("/steal?from=3") + "\"}}"));
            feed("paging=next-link&nextLinkPath=links.next&recordsPath=items");

            RunRecord run = feed.run();

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).contains("links its next page to " + elsewhere.url("/steal?from=3"))
                    .contains("off the configured service " + server.url(""))
                    .contains("follows next links only on the service's own scheme, host and port");
            assertThat(canary).hasValue(0);
            assertThat(feed.watermark()).isNull();
        }
    }

    @Test
    void aNextLinkInTheLinkHeaderToAnotherHostIsNeverFollowed() throws Exception {
        try (StubServer elsewhere = StubServer.http()) {
            AtomicInteger canary = new AtomicInteger();
            elsewhere.on("/", StubServer.counting(canary));
            server.on(PATH, r -> StubServer.Response.json(People.array(1, 2))
                    .header("Link", "<" + elsewhere.url(PATH) + "?from=3>; rel=\"next\""));
            feed("paging=next-link");

            RunRecord run = feed.run();

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).contains("off the configured service");
            assertThat(canary).hasValue(0);
        }
    }
}
