package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.Test;

/**
 * A SOAP service with yearly windows (应急管理厅 safety inspections, see {@link Inspections}) read from a start three
 * years back: each run walks the years up to now, each window committed on its own.
 */
class SoapSourceWindowsTest extends StubServerFeedTest {

    private static final String PATH = "/ws/inspections";
    /** 2026-06-15 10:00 in Asia/Shanghai. */
    private static final Instant NOW = Instant.parse("2026-06-15T02:00:00Z");
    private static final LocalDateTime LOCAL_NOW = LocalDateTime.of(2026, 6, 15, 10, 0);
    private static final String OPTIONS = "?requestTemplate=classpath:windows/inspections-request.xml&pageSize=2"
            + "&namespaces=em=" + Inspections.NS + "&recordPath=//em:inspection&keyField=id&changeField=updatedAt"
            + "&timeFormat=yyyy-MM-dd%20HH:mm:ss&timeZone=Asia/Shanghai&maxRetries=0"
            + "&windowStart=2023-01-01&windowLength=P1Y&windowFormat=yyyyMMddHHmmss";

    private final Inspections service = new Inspections();
    private final MutableClock clock = new MutableClock(NOW);

    SoapSourceWindowsTest() throws Exception {
        super(StubServer.http());
        server.on(PATH, service::answer);
    }

    private RunRecord firstRun(String options) throws Exception {
        feed = new FeedHarness("soap-source:" + server.url(PATH) + options, clock);
        return feed.run();
    }

    @Test
    void everyRecordOfEveryYearIsDeliveredOnce() throws Exception {
        RunRecord run = firstRun(OPTIONS);

        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).containsExactlyElementsOf(
                Inspections.idsChanged(LocalDateTime.of(2023, 1, 1, 0, 0), LOCAL_NOW));
        assertThat(feed.keys()).doesNotHaveDuplicates().hasSize(12);
    }

    @Test
    void eachRequestAsksForOneYearAtMostWithItsBoundsInWindowFormat() throws Exception {
        firstRun(OPTIONS);

        assertThat(windowsAsked(0)).containsExactly("20230101000000-20240101000000",
                "20240101000000-20250101000000", "20250101000000-20260101000000", "20260101000000-20260615100000");
        for (StubServer.Request r : server.requests) {
            String[] w = Inspections.window(r);
            assertThat(Duration.between(LocalDateTime.parse(w[0], Inspections.WINDOW),
                    LocalDateTime.parse(w[1], Inspections.WINDOW))).isLessThanOrEqualTo(Duration.ofDays(366));
        }
    }

    @Test
    void changeTimesAreReadInTimeFormatNotWindowFormat() throws Exception {
        firstRun(OPTIONS);

        assertThat(feed.records().get(0).get("updatedAt")).isEqualTo(LocalDateTime.of(2023, 1, 1, 0, 0));
        assertThat(feed.records().get(0).get("enterprise")).isEqualTo("福州闽江化工有限公司");
    }

    @Test
    void theWatermarkIsTheEndOfTheLastWindowRead() throws Exception {
        firstRun(OPTIONS);

        assertThat(feed.watermark()).isEqualTo("2026-06-15T10:00/");
    }

    @Test
    void aWindowLongerThanTheServiceTakesIsAnsweredWithAFaultAndCommitsNothing() throws Exception {
        RunRecord run = firstRun(OPTIONS.replace("windowLength=P1Y", "windowLength=P2Y") + "&windowMaxLength=P800D");

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("query period exceeds 366 days");
        assertThat(feed.watermark()).isNull();
    }

    @Test
    void aFailureInTheMiddleWindowResumesAtThatWindowOnTheNextRun() throws Exception {
        service.failingStart.set("20240101000000");

        RunRecord failed = firstRun(OPTIONS);

        assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.error()).contains("database unavailable");
        assertThat(feed.keys()).containsExactly("I01", "I02", "I03");
        assertThat(feed.watermark()).isEqualTo("2024-01-01T00:00/");

        service.failingStart.set(null);
        int before = server.requests.size();
        RunRecord resumed = feed.run();

        assertThat(resumed.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(windowsAsked(before).get(0)).isEqualTo("20240101000000-20250101000000");
        assertThat(feed.keys()).containsExactlyElementsOf(
                Inspections.idsChanged(LocalDateTime.of(2023, 1, 1, 0, 0), LOCAL_NOW));
    }

    @Test
    void aSecondRunOnlyAsksForTheNewWindow() throws Exception {
        firstRun(OPTIONS);
        feed.batches.clear();
        clock.advance(Duration.ofDays(10));
        int before = server.requests.size();

        RunRecord second = feed.run();

        assertThat(windowsAsked(before)).containsExactly("20260615100000-20260625100000");
        assertThat(feed.keys()).containsExactly("I13", "I14");
        assertThat(second.watermarkAfter()).isEqualTo("2026-06-25T10:00/");
    }

    @Test
    void windowsWithoutRecordsStillMoveTheWatermark() throws Exception {
        firstRun(OPTIONS);
        clock.advance(Duration.ofDays(10));
        feed.run();
        feed.batches.clear();
        clock.advance(Duration.ofDays(1));

        RunRecord quiet = feed.run();

        assertThat(quiet.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(feed.keys()).isEmpty();
        assertThat(quiet.watermarkAfter()).isEqualTo("2026-06-26T10:00/");
    }

    @Test
    void theTemplateIsFilledByTheHubAloneAndNothingElseInItIsEvaluated() throws Exception {
        firstRun(OPTIONS.replace("inspections-request.xml", "literal-request.xml"));

        assertThat(server.requests.get(0).body())
                .contains("<em:startTime>20230101000000</em:startTime>")
                .contains("<em:operator>{{hub.demo.services.human-resources-password}}</em:operator>")
                .contains("<em:remark>${header.CamelHttpUri} ${date:now:yyyy} $simple{body}</em:remark>");
    }

    @Test
    void aTemplateWithoutWindowPlaceholdersStopsAWindowedRoute() {
        assertThat(startFailure(OPTIONS.replace("inspections-request.xml", "no-window-request.xml")))
                .contains("option requestTemplate = 'classpath:windows/no-window-request.xml' has no ${windowStart}"
                        + " or ${windowEnd}").contains("Fix: put ${windowStart} and ${windowEnd}");
    }

    @Test
    void windowPlaceholdersWithoutWindowLengthStopTheRoute() {
        assertThat(startFailure(OPTIONS.replace("&windowStart=2023-01-01&windowLength=P1Y", "")))
                .contains("uses ${windowStart}/${windowEnd} but windowLength is not set");
    }

    @Test
    void aWindowLengthBeyondWindowMaxLengthStopsTheRoute() {
        assertThat(startFailure(OPTIONS.replace("windowLength=P1Y", "windowLength=P2Y")))
                .contains("option windowLength = 'P2Y' is longer than windowMaxLength P366D")
                .contains("Fix: shorten windowLength");
    }

    private List<String> windowsAsked(int fromRequest) {
        return windowsAsked(fromRequest, r -> String.join("-", Inspections.window(r)));
    }

    private String startFailure(String options) {
        return startFailure("soap-source:" + server.url(PATH) + options, clock);
    }
}
