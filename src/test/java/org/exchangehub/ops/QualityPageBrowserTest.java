package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The quality page in a real browser (Debian's headless Chromium through ChromeDriver): a viewer logs in, and the
 * numbers the charts draw are the exchange log's and the quarantine's.
 */
class QualityPageBrowserTest extends OpsHubTest {

    private static ChromeDriver browser;

    @Autowired
    StateStore state;

    @BeforeAll
    static void startTheBrowser() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(Path.of("/usr/bin/chromium").toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** Opens the page as the given user (basic authentication in the URL) and waits until it drew the data. */
    private void open(String user, String password) {
        browser.get("http://" + user + ":" + password + "@127.0.0.1:" + port + "/ops/quality");
        await("the page to draw its data").atMost(Duration.ofSeconds(20)).until(() ->
                "true".equals(browser.findElement(By.tagName("body")).getAttribute("data-loaded")));
    }

    private WebElement feedCard() {
        return browser.findElement(By.cssSelector("section.feed[data-feed='" + OpsHub.FEED + "']"));
    }

    @Test
    void theRejectsByReasonChartShowsTheQuarantinesCounts() {
        OpsHub.insert(OpsHub.badIdNumber(), "01");
        OpsHub.insert(OpsHub.badIdNumber(), "01");
        feed().runNow();
        Map<String, Long> expected = new TreeMap<>();
        state.rejectionCountsByReason(OpsHub.FEED, Instant.now().minus(Duration.ofDays(30)))
                .forEach((reason, n) -> expected.put(reason.name(), n));

        open(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD);

        Map<String, Long> drawn = new TreeMap<>();
        for (WebElement bar : feedCard().findElements(By.cssSelector("svg.reasons-chart g.reason"))) {
            drawn.put(bar.getAttribute("data-reason"), Long.parseLong(bar.getAttribute("data-count")));
        }
        assertThat(drawn).isEqualTo(expected).containsKey("INVALID_ID_NUMBER");
        assertThat(feedCard().getText()).contains("公民身份号码校验位错误");
    }

    @Test
    void theRunsChartDrawsTheDeliveredAndRejectedCountsOfTheNewestRun() {
        OpsHub.insert(OpsHub.idNumber(true), "01");
        OpsHub.insert(OpsHub.badIdNumber(), "01");
        RunRecord run = feed().runNow();

        open(OpsHub.VIEWER, OpsHub.VIEWER_PASSWORD);

        WebElement bar = feedCard().findElement(By.cssSelector("svg.runs-chart g.run[data-run='" + run.runId() + "']"));
        assertThat(bar.getAttribute("data-delivered")).isEqualTo(String.valueOf(run.rowsDelivered()));
        assertThat(bar.getAttribute("data-rejected")).isEqualTo(String.valueOf(run.rowsRejected()));
        assertThat(bar.getAttribute("data-unreconciled")).isEqualTo(String.valueOf(run.isUnreconciled()));
    }

    @Test
    void theFeedIsShownUnderItsDepartmentWithItsRejectDownload() {
        open(OpsHub.OPERATOR, OpsHub.OPERATOR_PASSWORD);

        WebElement department = browser.findElement(By.cssSelector("section.department[data-department='ops-test']"));
        List<WebElement> feeds = department.findElements(By.cssSelector("section.feed"));
        assertThat(feeds).extracting(f -> f.getAttribute("data-feed")).contains(OpsHub.FEED);
        assertThat(feedCard().findElement(By.cssSelector("a.rejects-csv")).getAttribute("href"))
                .endsWith("/ops/exchange-log/feeds/" + OpsHub.FEED + "/rejects?format=csv&status=open");
    }

    @Test
    void withoutCredentialsThePageIsRefused() {
        // another origin than the other tests' (localhost, not 127.0.0.1): no credentials remembered for it
        browser.get("http://localhost:" + port + "/ops/quality/data");

        assertThat(browser.getPageSource()).doesNotContain("departments");
    }
}
