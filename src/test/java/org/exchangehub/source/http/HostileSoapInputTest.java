package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile answers of a SOAP service: injections in a text element pass through as data byte-for-byte; a
 * billion-laughs DOCTYPE is refused at once, fetches nothing, delivers nothing, and the next good run succeeds.
 */
class HostileSoapInputTest extends StubServerFeedTest {

    private static final String PATH = "/ws/enrolments";

    HostileSoapInputTest() throws Exception {
        super(StubServer.http());
    }

    private FeedHarness feed() throws Exception {
        feed = new FeedHarness("soap-source:" + server.url(PATH)
                + "?requestTemplate=classpath:http/enrolments-request.xml&pageSize=2&namespaces=hr=" + SoapSourceTest.NS
                + "&recordPath=//hr:enrolment&keyField=id&changeField=updatedAt&initialSince=2026-01-01T00:00:00"
                + "&maxRetries=0");
        return feed;
    }

    /** A response whose envelope may start with {@code prolog} (a DOCTYPE) and holds {@code enrolments}. */
    private static StubServer.Response response(String prolog, String enrolments) {
        return new StubServer.Response(200, "text/xml", "<?xml version=\"1.0\"?>" + prolog + "<e:Envelope xmlns:e=\""
                + SoapSourceTest.SOAP11 + "\"><e:Body><x:R xmlns:x=\"" + SoapSourceTest.NS + "\">" + enrolments
                + "</x:R></e:Body></e:Envelope>", Map.of());
    }

    private static String enrolment(int i, String escapedName) {
        return "<x:enrolment id=\"E" + i + "\"><x:name>" + escapedName + "</x:name><x:updatedAt>2026-02-01T08:00:0" + i
                + "</x:updatedAt></x:enrolment>";
    }

    private static boolean firstPage(StubServer.Request r) {
        return r.body().contains("<hr:pageNo>1</hr:pageNo>");
    }

    private static String xmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @ParameterizedTest
    @MethodSource("org.exchangehub.source.HostileValues#text")
    void anInjectionInAnXmlElementReachesTheRecordByteForByte(String hostile) throws Exception {
        server.on(PATH, r -> response("", firstPage(r) ? enrolment(1, xmlText(hostile)) + enrolment(2, "姓名2") : ""));

        RunRecord run = feed().run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).containsExactly("E1", "E2");
        assertThat(feed.records().get(0).get("name")).isEqualTo(hostile);
    }

    @Test
    void aBillionLaughsResponseIsRefusedAtOnceFetchesNothingAndTheNextGoodRunSucceeds() throws Exception {
        AtomicInteger canary = new AtomicInteger();
        server.on("/canary", StubServer.counting(canary));
        StringBuilder dtd = new StringBuilder("<!DOCTYPE e:Envelope [<!ENTITY lol0 \"lol\">");
        for (int level = 1; level <= 9; level++) {
            dtd.append("<!ENTITY lol").append(level).append(" \"").append(("&lol" + (level - 1) + ";").repeat(10))
                    .append("\">");
        }
        dtd.append("<!ENTITY canary SYSTEM \"").append(server.url("/canary/laughs")).append("\">]>");
        AtomicReference<StubServer.Response> answer = new AtomicReference<>(
                response(dtd.toString(), enrolment(1, "&lol9;&canary;")));
        server.on(PATH, r -> firstPage(r) ? answer.get() : response("", ""));
        feed();

        long started = System.nanoTime();
        RunRecord hostile = feed.run();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        answer.set(response("", enrolment(1, "姓名1")));
        RunRecord next = feed.run();

        assertThat(hostile.status()).isEqualTo(RunStatus.FAILED);
        assertThat(hostile.error()).contains("DOCTYPE");
        assertThat(took).isLessThan(Duration.ofSeconds(5));
        assertThat(canary).hasValue(0);
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).containsExactly("E1");
        assertThat(feed.records().get(0).get("name")).isEqualTo("姓名1");
    }

    /** XML 1.0 has no NUL or most control characters, even as references: the page is not XML and the run fails. */
    @Test
    void aControlCharacterReferenceMakesThePageNotXmlFailingTheRunWithTheReasonAndTheNextGoodRunSucceeds()
            throws Exception {
        AtomicReference<String> name = new AtomicReference<>("a&#1;b");
        server.on(PATH, r -> response("", firstPage(r) ? enrolment(1, name.get()) + enrolment(2, "姓名2") : ""));
        feed();

        RunRecord hostile = feed.run();
        name.set("姓名1");
        RunRecord next = feed.run();

        assertThat(hostile.status()).isEqualTo(RunStatus.FAILED);
        assertThat(hostile.error()).contains("did not answer well-formed").contains("invalid XML character");
        assertThat(next.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).containsExactly("E1", "E2");
    }
}
