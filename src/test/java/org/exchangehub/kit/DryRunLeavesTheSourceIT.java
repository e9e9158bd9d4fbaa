package org.exchangehub.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.exchangehub.feed.DryRun;
import org.exchangehub.feed.FeedRegistry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dry-run against a real FTP drop of a department the demo does not have: it reads at most the limit, says whether
 * the limit cut the read short, and leaves the drop as it found it, so that the real run still delivers the file.
 */
@CamelSpringBootTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class DryRunLeavesTheSourceIT {

    private static final EducationDrop DROP = new EducationDrop();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        HubTestSupport.isolatedHub(registry, HubTestSupport.tempDir("education-lake"));
        registry.add("hub.scheduling-enabled", () -> "false");
        registry.add("hub.demo.enabled", () -> "false");
        registry.add("hub.config-dir", () -> EducationDrop.config().toString());
        registry.add("camel.main.routes-include-pattern", () -> EducationDrop.ROUTES);
        registry.add("education.ftp.port", DROP::port);
        registry.add("education.ftp.password", () -> EducationDrop.PASSWORD);
    }

    @AfterAll
    static void stopServer() {
        DROP.close();
    }

    @Autowired
    FeedRegistry feeds;

    @BeforeEach
    void emptyDrop() {
        DROP.clear();
    }

    @Test
    void aDryRunLeavesTheFileAndItsMarkerWhereTheRealRunFindsThem() {
        String file = DROP.dropStudents(3);

        DryRun dry = DryRunner.dryRun(feeds, EducationDrop.FEED, 0, null, StandardCharsets.UTF_8);

        assertThat(dry.records()).hasSize(3);
        assertThat(DROP.drop.resolve(file)).exists();
        assertThat(DROP.drop.resolve(file + ".ok")).exists();
        RunRecord real = feeds.feed(EducationDrop.FEED).orElseThrow().runNow();
        assertThat(real.rowsDelivered()).isEqualTo(3);
        assertThat(DROP.drop.resolve("done/" + file)).exists();
    }

    @Test
    void aDryRunSaysWhenTheLimitCutTheReadShort() {
        DROP.dropStudents(5);

        String table = table(DryRunner.dryRun(feeds, EducationDrop.FEED, 2, null, StandardCharsets.UTF_8));

        assertThat(table).contains("read 2 (limit 2 reached; the source has more)");
    }

    @Test
    void aDryRunWithinTheLimitSaysNothingOfIt() {
        DROP.dropStudents(4);

        DryRun dry = DryRunner.dryRun(feeds, EducationDrop.FEED, 20, null, StandardCharsets.UTF_8);

        assertThat(dry.isCutAtLimit()).isFalse();
        assertThat(table(dry)).contains("read " + dry.read() + ", unified").doesNotContain("limit");
    }

    private static String table(DryRun run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RecordPrinter.table(run, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

}
