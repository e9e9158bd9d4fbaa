package org.exchangehub.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code validate} checks exactly the feeds chosen: by {@code --feeds}, and by what the active profile starts. */
class ValidateFeedsTest {

    private static final String MR_ROUTE = "routes/market-regulation-enterprises.yaml";
    private static final String TAX_ROUTE = "routes/tax-taxpayers.yaml";

    @Test
    void aFeedGlobChecksOnlyTheFeedsItMatches() {
        ProjectCopy copy = ProjectCopy.create().edit(MR_ROUTE, "period: 60s", "period: soon");

        Result r = validate(copy, "--feeds", "public-security.*");

        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out).contains("feeds [public-security.households, public-security.residents]")
                .doesNotContain("period = 'soon'");
    }

    @Test
    void theFeedAGlobMatchesIsChecked() {
        ProjectCopy copy = ProjectCopy.create().edit(MR_ROUTE, "period: 60s", "period: soon");

        Result r = validate(copy, "--feeds", "market-*,public-security.households");

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("period = 'soon'");
    }

    @Test
    void aFeedPatternThatMatchesNoFeedSaysSoWithTheFeedsThereAre() {
        Result r = validate(ProjectCopy.create(), "--feeds", "tax.*");

        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--feeds tax.* matches no feed; the feeds are [").contains("civil-affairs.");
    }

    @Test
    void theProductionProfileDoesNotCheckTheDemoFeeds() {
        ProjectCopy copy = taxProject().edit(MR_ROUTE, "period: 60s", "period: soon");

        Result r = validate(copy, "--spring.profiles.active=production", "--hub.datasources.taxDb.url=jdbc:h2:mem:tax");

        assertThat(r.exit).as(r.out).isZero();
        assertThat(r.out).contains("feeds [tax.taxpayers]").doesNotContain("market-regulation.enterprises");
    }

    @Test
    void aFeedTheProductionProfileStartsIsChecked() {
        ProjectCopy copy = taxProject().edit(TAX_ROUTE, "table: DJ_NSRXX", "table: DJ_NSRXX\n        period: soon");

        Result r = validate(copy, "--spring.profiles.active=production", "--hub.datasources.taxDb.url=jdbc:h2:mem:tax");

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("period = 'soon'");
    }

    @Test
    void anIncludePatternThatMatchesNoFileSaysSo() {
        ProjectCopy copy = ProjectCopy.create();

        Result r = validate(copy, "--camel.main.routes-include-pattern=file:" + copy.file("routes") + "/*.yml");

        assertThat(r.exit).isEqualTo(1);
        assertThat(r.out).contains("routes pattern file:" + copy.file("routes") + "/*.yml matches no file in "
                + copy.file("routes")).doesNotContain("folder does not exist");
    }

    @Test
    void anExcludePatternThatMatchesNoFileIsAWarning() {
        ProjectCopy copy = ProjectCopy.create();

        Result r = validate(copy, "--camel.main.routes-exclude-pattern=**/tax-*.yaml");

        assertThat(r.exit).isZero();
        assertThat(r.out).contains("warning: camel.main.routes-exclude-pattern: routes pattern **/tax-*.yaml"
                + " matches no file");
    }

    /** The project with the tax bureau's feed (a route of its own, not one of the demo's). */
    private static ProjectCopy taxProject() {
        return ProjectCopy.create().write(TAX_ROUTE, """
                - route:
                    id: tax.taxpayers
                    from:
                      uri: kamelet:jdbc-incremental-source
                      parameters:
                        dataSource: taxDb
                        table: DJ_NSRXX
                        keyColumn: ID
                        changeColumn: XGSJ
                      steps:
                        - to:
                            uri: kamelet:unified-mapping-action
                            parameters:
                              mapping: market-regulation-enterprises
                        - to:
                            uri: kamelet:lake-sink
                """);
    }

    private record Result(int exit, String out, String err) {
    }

    private static Result validate(ProjectCopy copy, String... extra) {
        List<String> args = new ArrayList<>(List.of("validate",
                "--camel.main.routes-include-pattern=file:" + copy.file("routes") + "/*.yaml",
                "--camel.component.kamelet.location=file:" + copy.file("connectors"),
                "--hub.config-dir=" + copy.file("config")));
        for (String e : extra) {
            if (e.startsWith("--camel.main.routes-include-pattern=")) {
                args.remove(1);
            }
            args.add(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Kit.run(args.toArray(String[]::new), start -> {
            throw new AssertionError("validate starts no hub");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
