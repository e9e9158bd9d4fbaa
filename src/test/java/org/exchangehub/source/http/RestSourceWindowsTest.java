package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/**
 * A REST API with monthly windows in {@code startDate}/{@code endDate} query parameters, dates only and the end
 * inclusive (住房和城乡建设厅 construction permits, {@code windows/permits.json}).
 */
class RestSourceWindowsTest extends StubServerFeedTest {

    private static final String PATH = "/api/v2/permits";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<JsonNode> PERMITS = load();
    private static final String OPTIONS = "?recordsPath=data.items&pageSize=2&keyField=permitNo"
            + "&changeField=updatedAt&timeZone=UTC&maxRetries=0&windowStart=2025-11-01&windowLength=P1M"
            + "&windowFormat=yyyy-MM-dd&windowEndInclusive=true&windowStartParam=startDate&windowEndParam=endDate";

    /** 2026-02-10 12:00 UTC: the last window ends at the start of that day, the last one the format writes. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T12:00:00Z"));
    /** A startDate whose requests the API fails, or null. */
    private final AtomicReference<String> failingStart = new AtomicReference<>();

    RestSourceWindowsTest() throws Exception {
        super(StubServer.http());
        server.on(PATH, this::answer);
    }

    private static List<JsonNode> load() {
        try (InputStream in = RestSourceWindowsTest.class.getClassLoader().getResourceAsStream("windows/permits.json")) {
            return StreamSupport.stream(JSON.readTree(in).spliterator(), false).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The permits changed on the days startDate..endDate (both inclusive), two a page; 400 for a bad period. */
    private StubServer.Response answer(StubServer.Request r) {
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(r.param("startDate"));
            to = LocalDate.parse(r.param("endDate"));
        } catch (RuntimeException e) {
            return new StubServer.Response(400, "application/json", "{\"code\":400,\"msg\":\"bad date\"}", java.util.Map.of());
        }
        if (to.isBefore(from)) {
            return new StubServer.Response(400, "application/json", "{\"code\":400,\"msg\":\"endDate before startDate\"}",
                    java.util.Map.of());
        }
        if (r.param("startDate").equals(failingStart.get())) {
            return StubServer.Response.status(503);
        }
        int page = Integer.parseInt(r.param("page"));
        ArrayNode items = JSON.createArrayNode();
        PERMITS.stream().filter(p -> {
            LocalDate day = LocalDateTime.parse(p.get("updatedAt").asText()).toLocalDate();
            return !day.isBefore(from) && !day.isAfter(to);
        }).skip((page - 1) * 2L).limit(2).forEach(items::add);
        return StubServer.Response.json("{\"code\":0,\"data\":{\"items\":" + items + "}}");
    }

    private RunRecord firstRun(String options) throws Exception {
        feed = new FeedHarness("rest-source:" + server.url(PATH) + options, clock);
        return feed.run();
    }

    private static List<String> permitsUpTo(int count) {
        return PERMITS.subList(0, count).stream().map(p -> p.get("permitNo").asText()).toList();
    }

    @Test
    void everyPermitUpToYesterdayIsDeliveredOnce() throws Exception {
        RunRecord run = firstRun(OPTIONS);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).containsExactlyElementsOf(permitsUpTo(7));
    }

    @Test
    void eachMonthIsAskedForWithDatesAndAnInclusiveEnd() throws Exception {
        firstRun(OPTIONS);

        assertThat(windowsAsked(0)).containsExactly("2025-11-01..2025-11-30", "2025-12-01..2025-12-31",
                "2026-01-01..2026-01-31", "2026-02-01..2026-02-09");
    }

    @Test
    void pagingWorksWithinAWindowAsWithoutWindows() throws Exception {
        firstRun(OPTIONS);

        assertThat(server.requests.stream().filter(r -> r.param("startDate").equals("2025-11-01"))
                .map(r -> r.param("page"))).containsExactly("1", "2");
    }

    @Test
    void aSecondRunOnlyAsksForTheNewDay() throws Exception {
        firstRun(OPTIONS);
        feed.batches.clear();
        clock.advance(Duration.ofDays(1));
        int before = server.requests.size();

        RunRecord second = feed.run();

        assertThat(windowsAsked(before)).containsExactly("2026-02-10..2026-02-10");
        assertThat(feed.keys()).containsExactly("350402202602100008");
        assertThat(second.watermarkAfter()).isEqualTo("2026-02-11T00:00/");
    }

    @Test
    void aFailureInTheMiddleWindowResumesAtThatWindow() throws Exception {
        failingStart.set("2025-12-01");

        RunRecord failed = firstRun(OPTIONS);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(feed.watermark()).isEqualTo("2025-12-01T00:00/");

        failingStart.set(null);
        int before = server.requests.size();
        feed.run();

        assertThat(windowsAsked(before).get(0)).isEqualTo("2025-12-01..2025-12-31");
        assertThat(feed.keys()).containsExactlyElementsOf(permitsUpTo(7));
    }

    @Test
    void theConnectorTakesTheWindowOptions() throws Exception {
        feed = new FeedHarness("kamelet:rest-source?url=" + server.url(PATH) + OPTIONS.replace('?', '&'), clock);

        RunRecord run = feed.run();

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(windowsAsked(0)).hasSize(4).first().isEqualTo("2025-11-01..2025-11-30");
        assertThat(feed.keys()).containsExactlyElementsOf(permitsUpTo(7));
    }

    @Test
    void aWindowedSourceWithoutWindowParametersStopsTheRoute() {
        assertThat(startFailure(OPTIONS.replace("&windowStartParam=startDate&windowEndParam=endDate", "")))
                .contains("option windowLength = 'P1M' walks time windows, but no parameter carries them")
                .contains("Fix: name the service's parameters in windowStartParam and windowEndParam");
    }

    @Test
    void aWindowParameterWithoutWindowLengthStopsTheRoute() {
        assertThat(startFailure(OPTIONS.replace("&windowStart=2025-11-01&windowLength=P1M", "")))
                .contains("option windowStartParam = 'startDate' is set but windowLength is not");
    }

    @Test
    void aFormatThatCannotWriteTheDateStopsTheRoute() {
        assertThat(startFailure(OPTIONS.replace("windowFormat=yyyy-MM-dd", "windowFormat=HH:mm")))
                .contains("option windowFormat = 'HH:mm' does not write the date (year, month and day)");
    }

    @Test
    void aStartInTheFutureStopsTheRoute() {
        assertThat(startFailure(OPTIONS.replace("windowStart=2025-11-01", "windowStart=2026-03-01")))
                .contains("option windowStart = '2026-03-01' lies in the future")
                .contains("Fix: give a start in the past");
    }

    private List<String> windowsAsked(int fromRequest) {
        return windowsAsked(fromRequest, r -> r.param("startDate") + ".." + r.param("endDate"));
    }

    private String startFailure(String options) {
        return startFailure("rest-source:" + server.url(PATH) + options, clock);
    }
}
