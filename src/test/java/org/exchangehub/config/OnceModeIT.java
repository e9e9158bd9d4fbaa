package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.exchangehub.demo.MarketRegulationDatabase;
import org.exchangehub.sink.lake.DuckDb;
import org.exchangehub.state.RunStatus;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code --once}: every feed runs once at start-up, the exit code says whether all succeeded. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class OnceModeIT {

    private static final Path LAKE = HubTestSupport.tempDir("lake");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.once", () -> "true");
        registry.add("hub.demo.market-regulation.rows", () -> "800");
    }

    @Autowired
    OnceMode once;

    @Autowired
    StateStore state;

    @Autowired
    MarketRegulationDatabase department;

    @Test
    void everyFeedRanOnceAndTheExitCodeIsZero() {
        assertThat(once.getExitCode()).isZero();
        assertThat(state.runs(null, 10)).isNotEmpty()
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.SUCCEEDED));
    }

    @Test
    void everyDemoRunIsReconciledWithTheCountItsSourceGave() {
        var runs = state.runs(null, 10);

        assertThat(runs).extracting(r -> r.feedId()).contains("market-regulation.enterprises",
                "public-security.households", "public-security.residents", "civil-affairs.persons", "human-resources.social-insurance");
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.reconciliation()).as("reconciliation of %s", r.feedId()).isNotNull();
            assertThat(r.reconciliation().outcome()).as("outcome of %s", r.feedId())
                    .isEqualTo(org.exchangehub.state.Reconciliation.Outcome.RECONCILED);
            assertThat(r.reconciliation().sourceCount()).as("source count of %s", r.feedId())
                    .isEqualTo(r.reconciliation().accounted()).isPositive().isGreaterThanOrEqualTo(r.rowsRead());
        });
    }

    @Test
    void theLakeHoldsTheDemosValidRecords() throws Exception {
        try (DuckDb duck = new DuckDb()) {
            Object count = duck.query("SELECT count(DISTINCT uscc) AS n FROM "
                    + DuckDb.lake(LAKE.resolve("legal_entity/*/*.parquet"))).get(0).get("n");
            assertThat(((Number) count).longValue()).isEqualTo(department.expectedValidUsccs().size());
        }
    }
}
