package org.exchangehub.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.exchangehub.ExchangeHubApplication;
import org.exchangehub.testing.HubTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code dry-run} command as an engineer types it, the hub started by the command itself, against the education
 * department's FTP drop: feeds chosen by glob, and a source whose credentials are missing or wrong answered in one
 * line that names the setting, with a non-zero exit.
 */
class KitDryRunIT {

    private static final EducationDrop DROP = new EducationDrop();

    @AfterAll
    static void stopServer() {
        DROP.close();
    }

    @Test
    void aFeedGlobDryRunsEveryFeedItMatches() {
        DROP.dropStudents(2);

        Result r = kit("dry-run", "--feeds", "education.*", "--education.ftp.password=" + EducationDrop.PASSWORD);

        assertThat(r.exit).as(r.err).isZero();
        assertThat(r.out).contains("feed education.students: read 2, unified 2");
    }

    @Test
    void aPasswordNobodyGaveIsNamedWithHowToGiveIt() {
        Result r = kit("dry-run", EducationDrop.FEED);

        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("education.ftp.password, which is not set")
                .contains("EDUCATION_FTP_PASSWORD").doesNotContain("\tat ");
        assertThat(r.out).doesNotContain("\tat ");
    }

    @Test
    void aPasswordTheServerRefusesIsSaidPlainly() {
        DROP.dropStudents(1);

        Result r = kit("dry-run", EducationDrop.FEED, "--education.ftp.password=not-the-password");

        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("feed education.students: the source refused the credentials")
                .contains("login refused for user " + EducationDrop.USER).doesNotContain("not-the-password");
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result kit(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of("--hub.demo.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:kit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--hub.lake.root=" + HubTestSupport.tempDir("kit-lake"),
                "--hub.config-dir=" + EducationDrop.config(),
                "--camel.main.routes-include-pattern=" + EducationDrop.ROUTES,
                "--education.ftp.port=" + DROP.port(),
                "--management.server.port=-1", "--spring.jmx.enabled=false"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Kit.run(args.toArray(String[]::new), start -> Kit.start(ExchangeHubApplication.class, start),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
