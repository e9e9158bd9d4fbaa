package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/** The SOAP source against a real HTTP server: paging, prefixes, both versions, Faults and hostile XML. */
class SoapSourceTest extends StubServerFeedTest {

    private static final String PATH = "/ws/enrolments";
    static final String NS = "urn:test:hrss:v1";
    static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String OPTIONS = "?requestTemplate=classpath:http/enrolments-request.xml&pageSize=2"
            + "&namespaces=hr=" + NS + "&recordPath=//hr:enrolment&keyField=id&changeField=updatedAt"
            + "&initialSince=2026-01-01T00:00:00&maxRetries=0&soapAction=urn:QueryEnrolments";

    SoapSourceTest() throws Exception {
        super(StubServer.http());
    }

    private RunRecord run(String extra) throws Exception {
        feed = new FeedHarness("soap-source:" + server.url(PATH) + OPTIONS + extra);
        return feed.run();
    }

    /** Five enrolments, two a page, in a response whose prefixes are not the route's (x: and e:, not hr:). */
    static StubServer.Response page(StubServer.Request r, String soapNs, String contentType) {
        int page = Integer.parseInt(r.body().replaceAll("(?s).*<hr:pageNo>(\\d+)</hr:pageNo>.*", "$1"));
        StringBuilder items = new StringBuilder();
        for (int i = (page - 1) * 2 + 1; i <= Math.min(5, page * 2); i++) {
            items.append("<x:enrolment id=\"E").append(i).append("\"><x:idNumber>11010519491231002X</x:idNumber>")
                    .append("<x:insuranceType>110</x:insuranceType><x:employer><x:uscc>91350100M000100Y43</x:uscc>")
                    .append("</x:employer><x:updatedAt>2026-02-01T08:00:0").append(i).append("</x:updatedAt>")
                    .append("</x:enrolment>");
        }
        return new StubServer.Response(200, contentType, "<?xml version=\"1.0\"?><e:Envelope xmlns:e=\"" + soapNs
                + "\"><e:Body><x:QueryEnrolmentsResponse xmlns:x=\"" + NS + "\">" + items
                + "</x:QueryEnrolmentsResponse></e:Body></e:Envelope>", java.util.Map.of());
    }

    private List<String> keys() {
        return feed.keys();
    }

    @Test
    void pagesUntilAnEmptyPageWhateverPrefixesTheResponseUses() throws Exception {
        server.on(PATH, r -> page(r, SOAP11, "text/xml"));

        RunRecord run = run("");

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(keys()).containsExactly("E1", "E2", "E3", "E4", "E5");
        assertThat(feed.batches).hasSize(3);
        assertThat(server.requests).hasSize(4);
        assertThat(feed.records().get(0).get("insuranceType")).isEqualTo("110");
        assertThat(feed.records().get(0).get("employer.uscc")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void theRequestCarriesTheWindowAndThePageNumber() throws Exception {
        server.on(PATH, r -> page(r, SOAP11, "text/xml"));

        run("");

        String first = server.requests.get(0).body();
        assertThat(first).contains("<soapenv:Envelope xmlns:soapenv=\"" + SOAP11 + "\">")
                .contains("<hr:updatedFrom>2026-01-01T00:00:00</hr:updatedFrom>")
                .contains("<hr:pageNo>1</hr:pageNo>").contains("<hr:pageSize>2</hr:pageSize>");
        assertThat(server.requests.get(0).headers().getFirst("SOAPAction")).isEqualTo("\"urn:QueryEnrolments\"");
        assertThat(server.requests.get(0).headers().getFirst("Content-Type")).startsWith("text/xml");
        assertThat(server.requests.get(1).body()).contains("<hr:pageNo>2</hr:pageNo>");
    }

    @Test
    void theNextRunStartsItsWindowAtTheWatermark() throws Exception {
        server.on(PATH, r -> page(r, SOAP11, "text/xml"));
        run("");
        int before = server.requests.size();

        feed.run();

        assertThat(feed.watermark()).isEqualTo("2026-02-01T08:00:05/E5");
        assertThat(server.requests.get(before).body()).contains("<hr:updatedFrom>2026-02-01T08:00:05</hr:updatedFrom>");
    }

    @Test
    void soap12UsesItsEnvelopeAndContentType() throws Exception {
        server.on(PATH, r -> page(r, SOAP12, "application/soap+xml"));

        RunRecord run = run("&soapVersion=1.2");

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(keys()).hasSize(5);
        assertThat(server.requests.get(0).body()).contains("xmlns:soapenv=\"" + SOAP12 + "\"");
        assertThat(server.requests.get(0).headers().getFirst("Content-Type"))
                .startsWith("application/soap+xml").contains("action=\"urn:QueryEnrolments\"");
    }

    @Test
    void aSoapFaultFailsTheRunWithItsCodeAndStringInTheExchangeLog() throws Exception {
        server.on(PATH, r -> new StubServer.Response(500, "text/xml", "<s:Envelope xmlns:s=\"" + SOAP11 + "\"><s:Body>"
                + "<s:Fault><faultcode>s:Client</faultcode><faultstring>pageSize exceeds 1000</faultstring>"
                + "</s:Fault></s:Body></s:Envelope>", java.util.Map.of()));

        feed = new FeedHarness("soap-source:" + server.url(PATH) + OPTIONS.replace("maxRetries=0", "maxRetries=3")
                + "&retryInitialDelay=1ms");
        RunRecord run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("SOAP Fault").contains("s:Client").contains("pageSize exceeds 1000");
        assertThat(feed.state.runs(FeedHarness.FEED, 1).get(0).error()).contains("pageSize exceeds 1000");
        assertThat(server.requests).hasSize(1);
        assertThat(feed.watermark()).isNull();
    }

    @Test
    void aSoap12FaultGivesItsCodeValueAndReasonText() throws Exception {
        server.on(PATH, r -> new StubServer.Response(500, "application/soap+xml", "<env:Envelope xmlns:env=\""
                + SOAP12 + "\"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code>"
                + "<env:Reason><env:Text xml:lang=\"zh\">数据库不可用</env:Text></env:Reason></env:Fault></env:Body>"
                + "</env:Envelope>", java.util.Map.of()));

        RunRecord run = run("&soapVersion=1.2");

        assertThat(run.error()).contains("env:Receiver").contains("数据库不可用");
    }

    @Test
    void anExternalEntityIsNeverFetched() throws Exception {
        AtomicInteger canary = new AtomicInteger();
        server.on("/canary", StubServer.counting(canary));
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE e:Envelope [<!ENTITY xxe SYSTEM \"" + server.url("/canary/secret")
                + "\">]><e:Envelope xmlns:e=\"" + SOAP11 + "\"><e:Body><x:R xmlns:x=\"" + NS + "\"><x:enrolment id=\"E1\">"
                + "<x:idNumber>&xxe;</x:idNumber></x:enrolment></x:R></e:Body></e:Envelope>";
        server.on(PATH, r -> new StubServer.Response(200, "text/xml", hostile, java.util.Map.of()));

        RunRecord run = run("");

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("DOCTYPE");
        assertThat(canary).hasValue(0);
        assertThat(feed.batches).isEmpty();
    }

    @Test
    void anExternalDtdIsNeverFetched() throws Exception {
        AtomicInteger canary = new AtomicInteger();
        server.on("/canary", StubServer.counting(canary));
        String hostile = "<?xml version=\"1.0\"?><!DOCTYPE e:Envelope SYSTEM \"" + server.url("/canary/evil.dtd")
                + "\"><e:Envelope xmlns:e=\"" + SOAP11 + "\"><e:Body/></e:Envelope>";
        server.on(PATH, r -> new StubServer.Response(200, "text/xml", hostile, java.util.Map.of()));

        RunRecord run = run("");

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(canary).hasValue(0);
    }

    @Test
    void aRecordPathWithAnUndeclaredPrefixStopsTheRoute() {
        List<String> messages = new ArrayList<>();
        try {
            feed = new FeedHarness("soap-source:" + server.url(PATH) + OPTIONS.replace("//hr:enrolment", "//zz:enrolment"));
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.add(String.valueOf(t.getMessage()));
            }
        }
        assertThat(String.join(" | ", messages)).contains("option recordPath = '//zz:enrolment'")
                .contains("are its prefixes declared in namespaces?");
    }
}
