package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@code --once --feeds 'public-security.*'}: only the feeds the glob matches run. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, args = "--feeds=public-security.*")
class OnceFeedsIT {

    private static final Path LAKE = HubTestSupport.tempDir("lake");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, LAKE);
        registry.add("hub.once", () -> "true");
    }

    @Autowired
    OnceMode once;

    @Autowired
    StateStore state;

    @Test
    void onlyTheSelectedFeedsRan() {
        assertThat(once.getExitCode()).isZero();
        assertThat(state.runs(null, 50)).extracting(RunRecord::feedId)
                .containsExactlyInAnyOrder("public-security.households", "public-security.residents");
    }
}
