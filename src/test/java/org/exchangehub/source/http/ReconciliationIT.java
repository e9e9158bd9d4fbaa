package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.management.ObjectName;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Processor;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.feed.Batch;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.mapping.UnifiedRecord;
import org.exchangehub.standards.IdNumbers;
import org.exchangehub.state.Reconciliation;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every run reconciles what its source holds with what the hub accounted for. The housing provident fund centre's
 * API reports its member total; a run that delivers and rejects exactly that many is RECONCILED, one where the
 * service reports more than it gives, or where a record is lost on the way to the lake, is UNRECONCILED with both
 * numbers in the exchange log, the feed MBean, health and metrics.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class ReconciliationIT {

    private static final Path LAKE = HubTestSupport.tempDir("reconciled-lake");
    private static final Path CONFIG = HubTestSupport.tempDir("reconciled-config");
    private static final Map<String, String> MEMBERS = new ConcurrentHashMap<>();
    /** How many members more than it serves the API claims to hold (a service that lies about its count). */
    private static final AtomicInteger OVERSTATED = new AtomicInteger();
    private static final StubServer API;

    static {
        try {
            StubServer.Handler members = request -> {
                boolean first = "1".equals(request.param("page"));
                List<String> items = first ? List.copyOf(new java.util.TreeMap<>(MEMBERS).values()) : List.of();
                return StubServer.Response.json("{\"data\":{\"total\":" + (MEMBERS.size() + OVERSTATED.get())
                        + ",\"items\":[" + String.join(",", items) + "]}}");
            };
            API = StubServer.http().on("/api/members", members).on("/api/leaky-members", members);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    FeedRegistry feeds;

    @Autowired
    StateStore state;

    @Autowired
    HealthEndpoint health;

    @Autowired
    MeterRegistry meters;

    @TestConfiguration
    static class LeakyPath {
        /** Loses the first unified record of every batch between the mapping and the lake. */
        @Bean
        Processor loseOneRecord() {
            return exchange -> {
                Batch batch = exchange.getIn().getBody(Batch.class);
                List<UnifiedRecord> kept = new ArrayList<>(batch.unified());
                if (!kept.isEmpty()) {
                    kept.remove(0);
                }
                batch.keepChanged(kept, batch.rejections(), batch.unchanged(), batch.memory());
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        HubTestSupport.projectConfig(CONFIG, Path.of("src/test/resources/unchanged/mappings/housing-members.yaml"));
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.config-dir", CONFIG::toString);
        registry.add("camel.main.routes-include-pattern",
                () -> "file:src/test/resources/reconciliation/routes/*.yaml");
        registry.add("housing.api.url", () -> API.url(""));
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    @BeforeEach
    void threeMembersOneOfThemWithAnUnknownDivision() {
        MEMBERS.clear();
        OVERSTATED.set(0);
        member("GJJ-1", 11, "陈一", "350102");
        member("GJJ-2", 12, "林二", "350103");
        member("GJJ-3", 13, "黄三", "999999"); // UNKNOWN_CODE: rejected, and accounted for
    }

    private static void member(String grbh, int seq, String name, String division) {
        String first17 = "35010219800101" + String.format("%03d", seq);
        String id = first17 + IdNumbers.checkChar(first17);
        MEMBERS.put(grbh, "{\"grbh\":\"" + grbh + "\",\"zjhm\":\"" + id + "\",\"xm\":\"" + name + "\",\"xb\":\""
                + IdNumbers.sexCode(id) + "\",\"xzqh\":\"" + division + "\"}");
    }

    private RunRecord run(String feed) {
        RunRecord run = feeds.feed(feed).orElseThrow().runNow();
        assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.SUCCEEDED);
        return run;
    }

    private static Object attribute(String feed, String name) throws Exception {
        return ManagementFactory.getPlatformMBeanServer()
                .getAttribute(new ObjectName("exchangehub:type=Feed,name=" + feed), name);
    }

    @Test
    void aRunThatAccountsForEverySourceRecordIsReconciledWithTheSourceCountInTheExchangeLog() {
        RunRecord run = run("housing.counted");

        Reconciliation logged = state.run(run.runId()).orElseThrow().reconciliation();
        assertThat(logged.outcome()).isEqualTo(Reconciliation.Outcome.RECONCILED);
        assertThat(logged.sourceCount()).isEqualTo(3);
        assertThat(logged.accounted()).isEqualTo(run.rowsDelivered() + run.rowsRejected() + run.rowsUnchanged())
                .isEqualTo(3);
        assertThat(logged.method()).contains("totalPath");
    }

    @Test
    void aServiceThatReportsMoreThanItGivesMarksTheRunUnreconciledWithBothNumbers() {
        OVERSTATED.set(2);

        RunRecord run = run("housing.counted");

        Reconciliation logged = state.run(run.runId()).orElseThrow().reconciliation();
        assertThat(logged.outcome()).isEqualTo(Reconciliation.Outcome.UNRECONCILED);
        assertThat(logged.sourceCount()).isEqualTo(5);
        assertThat(logged.accounted()).isEqualTo(3);
        assertThat(run.receipt()).contains("\"outcome\":\"UNRECONCILED\"").contains("\"sourceCount\":5")
                .contains("\"accounted\":3");
    }

    @Test
    void aRecordLostOnTheWayToTheLakeMarksTheRunUnreconciled() {
        RunRecord run = run("housing.leaky");

        assertThat(run.rowsDelivered()).isEqualTo(1);
        assertThat(run.reconciliation()).isEqualTo(new Reconciliation(3, 2, run.reconciliation().method()));
        assertThat(state.run(run.runId()).orElseThrow().isUnreconciled()).isTrue();
    }

    @Test
    void theFeedMBeanShowsTheUnreconciledRunWithBothNumbers() throws Exception {
        run("housing.leaky");

        assertThat((String) attribute("housing.leaky", "LastRunReconciliation"))
                .startsWith("UNRECONCILED").contains("source 3").contains("accounted 2");
        assertThat(attribute("housing.leaky", "SourceCountLastRun")).isEqualTo(3L);
        assertThat((Long) attribute("housing.leaky", "RunsUnreconciledTotal")).isPositive();
    }

    @Test
    void healthIsDownAfterAnUnreconciledRunAndUpAgainOnceARunReconciles() {
        OVERSTATED.set(1);
        run("housing.counted");
        var down = health.healthForPath("feeds", "housing.counted");
        OVERSTATED.set(0);
        run("housing.counted");
        var up = health.healthForPath("feeds", "housing.counted");

        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(up.getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void theUnreconciledRunIsCountedInTheMetrics() {
        double before = unreconciledRuns();

        run("housing.leaky");

        assertThat(unreconciledRuns()).isEqualTo(before + 1);
    }

    private double unreconciledRuns() {
        var counter = meters.find("hub.feed.runs.unreconciled").tag("feed", "housing.leaky").counter();
        return counter == null ? 0 : counter.count();
    }
}
