package org.exchangehub.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@code validate} on routes whose source is any Camel endpoint: the {@code hub-feed} step's options and the feed
 * route it names, one test per kind of problem, each naming file, line, key and fix.
 */
class HubFeedValidateTest {

    private static final String FILE = "routes/market-regulation-drop.yaml";
    private static final String STEP = "hub-feed:market-regulation.drop?format=csv&charset=GBK";
    private static final String ROUTES = """
            - route:
                id: market-regulation.drop-sftp
                from:
                  uri: "sftp://mr.example.gov.cn/exports?username=hub&password=RAW({{mr.sftp.password}})&move=.done"
                  steps:
                    - to: "%s"
            - route:
                id: market-regulation.drop
                from:
                  uri: hub-feed:market-regulation.drop
                  steps:
                    - to: { uri: kamelet:unified-mapping-action, parameters: { mapping: market-regulation-enterprises } }
                    - to: { uri: kamelet:lake-sink }
            """;

    private static List<String> problems(String routes) {
        return ProjectCopy.create().write(FILE, routes).problems();
    }

    private static List<String> problemsWithStep(String step) {
        return problems(ROUTES.formatted(step));
    }

    @Test
    void anSftpRouteWithTheHubFeedStepIsValid() {
        assertThat(problemsWithStep(STEP)).isEmpty();
    }

    @Test
    void aStepWithoutFormatNamesFileLineKeyAndFix() {
        assertThat(problemsWithStep("hub-feed:market-regulation.drop?charset=GBK")).containsExactly(FILE.replace('/',
                java.io.File.separatorChar) + ":6: route[market-regulation.drop-sftp].steps[0].to.uri ="
                + " 'hub-feed:market-regulation.drop?charset=GBK': the hub-feed step has no format. Fix: add"
                + " format=csv|fixed|xml|json|rows: how the origin's body holds its records");
    }

    @Test
    void anUnknownFormatIsReported() {
        assertThat(problemsWithStep("hub-feed:market-regulation.drop?format=xlsx")).singleElement().asString()
                .contains("= 'xlsx': unknown hub-feed format. Fix: use one of [csv, fixed, xml, json, rows]");
    }

    @Test
    void anOptionGivenUnderParametersIsReportedAtItsOwnLine() {
        String routes = ROUTES.formatted(STEP).replace("        - to: \"" + STEP + "\"\n", """
                        - to:
                            uri: hub-feed:market-regulation.drop
                            parameters:
                              charset: GBK
                              format: xlsx
                """);
        assertThat(problems(routes)).singleElement().asString().contains(":10: route[market-regulation.drop-sftp]"
                + ".steps[0].to.parameters.format = 'xlsx': unknown hub-feed format");
    }

    @Test
    void anUnknownOptionIsReported() {
        assertThat(problemsWithStep(STEP + "&sheet=1")).singleElement().asString()
                .contains(":6: ").contains("= 'sheet': hub-feed has no option 'sheet'. Fix: use one of [format,");
    }

    @Test
    void fixedWidthWithoutALayoutIsReported() {
        assertThat(problemsWithStep("hub-feed:market-regulation.drop?format=fixed")).singleElement().asString()
                .contains("format fixed needs a layout. Fix: add layout=config/layouts/<name>.yaml");
    }

    @Test
    void fixedWidthWithAMissingLayoutFileIsReported() {
        assertThat(problemsWithStep("hub-feed:market-regulation.drop?format=fixed&layout=config/layouts/none.yaml"))
                .singleElement().asString().contains("= 'config/layouts/none.yaml': no such layout file");
    }

    @Test
    void xmlWithoutItsRecordElementIsReported() {
        assertThat(problemsWithStep("hub-feed:market-regulation.drop?format=xml&columns=QYMC")).singleElement()
                .asString().contains("format xml needs recordElement and columns");
    }

    @Test
    void aBatchSizeThatIsNotAPositiveNumberIsReported() {
        assertThat(problemsWithStep(STEP + "&batchSize=0")).singleElement().asString()
                .contains("= '0': batchSize is not a positive whole number");
    }

    @Test
    void aStepWithoutAFeedIsReported() {
        assertThat(problemsWithStep("hub-feed:?format=csv")).anyMatch(l -> l.contains(":6: ")
                && l.contains("the hub-feed step names no feed. Fix: write hub-feed:<department>.<feed>?format="));
    }

    @Test
    void aStepNamingAFeedWithoutItsRouteIsReported() {
        List<String> problems = problemsWithStep("hub-feed:market-regulation.dorp?format=csv");
        assertThat(problems).anyMatch(l -> l.contains(":6: ") && l.contains("no route reads from"
                + " hub-feed:market-regulation.dorp, so the records have nowhere to go")
                && l.contains("or send to one of [market-regulation.drop]"));
        assertThat(problems).anyMatch(l -> l.contains("no route sends to hub-feed:market-regulation.drop, so the feed"
                + " never runs"));
    }

    @Test
    void aFeedRouteWhoseIdIsNotTheFeedIsReported() {
        assertThat(problems(ROUTES.formatted(STEP).replace("id: market-regulation.drop\n",
                "id: market-regulation.other\n"))).singleElement().asString().contains(":10: ")
                .contains("has id 'market-regulation.other'. Fix: give the route the feed's id");
    }

    @Test
    void aFeedRouteWithoutAMappingStepIsReported() {
        assertThat(problems(ROUTES.formatted(STEP).replace("kamelet:unified-mapping-action,", "log:x,")))
                .singleElement().asString().contains("the feed's route has no mapping step");
    }

    @Test
    void aFeedRouteWithAnUnknownMappingIsReported() {
        assertThat(problems(ROUTES.formatted(STEP).replace("mapping: market-regulation-enterprises",
                "mapping: market-regulation-drop"))).singleElement().asString()
                .contains("= 'market-regulation-drop': no such mapping");
    }
}
