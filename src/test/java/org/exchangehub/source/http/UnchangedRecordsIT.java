package org.exchangehub.source.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.sink.lake.DuckDb;
import org.exchangehub.standards.IdNumbers;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A department the demo does not have, whose REST API cannot filter by change time: the housing provident fund
 * centre (住房公积金管理中心) serves every member on every call. Read twice, only what changed is delivered or
 * quarantined again; the rest is counted unchanged, and the lake holds no second copy.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class UnchangedRecordsIT {

    private static final Path LAKE = HubTestSupport.tempDir("housing-lake");
    private static final Path CONFIG = HubTestSupport.tempDir("housing-config");
    private static final StubServer API;
    /** The API's members by member number (grbh): the test changes them between runs. */
    private static final Map<String, String> MEMBERS = new ConcurrentHashMap<>();

    static {
        try {
            StubServer.Handler members = request -> StubServer.Response.json(
                    "{\"data\":[" + String.join(",", new java.util.TreeMap<>(MEMBERS).values()) + "]}");
            API = StubServer.http().on("/api/members", members).on("/api/all-members", members);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    FeedRegistry feeds;

    @Autowired
    StateStore state;

    @Autowired
    DataSource stateDb;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        HubTestSupport.projectConfig(CONFIG, Path.of("src/test/resources/unchanged/mappings/housing-members.yaml"));
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.config-dir", CONFIG::toString);
        registry.add("camel.main.routes-include-pattern", () -> "file:src/test/resources/unchanged/routes/*.yaml");
        registry.add("housing.api.url", () -> API.url(""));
    }

    @AfterAll
    static void stopApi() {
        API.close();
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

    private long lakeRows(String runId) throws Exception {
        try (DuckDb duck = new DuckDb()) {
            return ((Number) duck.query("SELECT count(*) AS n FROM " + DuckDb.lake(LAKE.resolve("person/*/*.parquet"))
                    + " WHERE _run_id = '" + runId + "'").get(0).get("n")).longValue();
        }
    }

    @Test
    void theSecondRunDeliversOnlyTheChangedMemberAndCountsTheOthersUnchanged() throws Exception {
        MEMBERS.clear();
        member("GJJ-1", 11, "陈一", "350102");
        member("GJJ-2", 12, "林二", "350103");
        member("GJJ-3", 13, "黄三", "350104");
        RunRecord first = run("housing.members");
        member("GJJ-2", 12, "林二", "350105"); // moved: a new version

        RunRecord second = run("housing.members");

        assertThat(first.rowsDelivered()).isEqualTo(3);
        assertThat(second.rowsRead()).isEqualTo(3);
        assertThat(second.rowsDelivered()).isEqualTo(1);
        assertThat(second.rowsUnchanged()).isEqualTo(2);
        assertThat(lakeRows(second.runId())).isEqualTo(1);
        assertThat(state.run(second.runId()).orElseThrow().rowsUnchanged()).isEqualTo(2);
    }

    @Test
    void aRejectReadAgainIsNotQuarantinedTwiceAndItsLastSeenTimeMoves() {
        MEMBERS.clear();
        member("GJJ-7", 17, "王七", "999999"); // no such division: UNKNOWN_CODE
        RunRecord first = run("housing.members");
        JdbcTemplate jdbc = new JdbcTemplate(stateDb);
        Object seenFirst = jdbc.queryForObject("SELECT last_seen_at FROM hub_quarantine WHERE run_id = ?",
                Object.class, first.runId());

        RunRecord second = run("housing.members");

        assertThat(first.rowsRejected()).isEqualTo(1);
        assertThat(second.rowsRejected()).isZero();
        assertThat(second.rowsUnchanged()).isEqualTo(1);
        assertThat(state.rejections(second.runId())).isEmpty();
        Object seenSecond = jdbc.queryForObject("SELECT last_seen_at FROM hub_quarantine WHERE run_id = ?",
                Object.class, first.runId());
        assertThat(seenSecond.toString()).isGreaterThan(seenFirst.toString());
    }

    @Test
    void aFeedThatSwitchesItOffDeliversEveryRecordEveryRun() {
        MEMBERS.clear();
        member("GJJ-4", 14, "郑四", "350102");
        member("GJJ-5", 15, "吴五", "350103");
        run("housing.members-every-run");

        RunRecord second = run("housing.members-every-run");

        assertThat(second.rowsDelivered()).isEqualTo(2);
        assertThat(second.rowsUnchanged()).isZero();
    }

    @Test
    void theBusinessKeyIsRememberedOnlyAsADigest() {
        MEMBERS.clear();
        member("GJJ-6", 16, "周六", "350102");
        run("housing.members");

        List<String> digests = new JdbcTemplate(stateDb).queryForList(
                "SELECT key_digest FROM hub_delivered_record WHERE feed_id = 'housing.members'", String.class);

        String first17 = "35010219800101016";
        assertThat(digests).isNotEmpty().allMatch(d -> d.matches("[0-9a-f]{64}"))
                .noneMatch(d -> d.contains(first17));
    }
}
