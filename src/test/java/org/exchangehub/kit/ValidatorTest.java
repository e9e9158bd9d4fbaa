package org.exchangehub.kit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ValidatorTest {

    private static final String MR_MAPPING = "config/mappings/market-regulation-enterprises.yaml";
    private static final String MR_ROUTE = "routes/market-regulation-enterprises.yaml";

    @Test
    void theProjectsOwnFilesAreValid() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Kit.validate(new String[] {"validate"}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("validate: OK");
        assertThat(exit).isZero();
    }

    @Test
    void anUntouchedCopyIsValid() {
        assertThat(ProjectCopy.create().problems()).isEmpty();
    }

    @Test
    void everyProblemIsReportedNotOnlyTheFirst() {
        ProjectCopy p = ProjectCopy.create()
                .edit(MR_MAPPING, "  name:                   { from: QYMC }\n", "  nme: { from: QYMC }\n")
                .edit(MR_MAPPING, "\"04\": \"4\"", "\"04\": \"7\"")
                .edit(MR_ROUTE, "period: 60s", "period: five");
        assertThat(p.problems()).hasSize(4)
                .anyMatch(l -> l.contains("unknown dataset field"))
                .anyMatch(l -> l.contains("unmapped required field"))
                .anyMatch(l -> l.contains("code table gap"))
                .anyMatch(l -> l.contains("not a duration"));
    }

    @Test
    void unknownDatasetFieldNamesFileLineKeyAndFix() {
        List<String> problems = ProjectCopy.create()
                .edit(MR_MAPPING, "  legal_rep_name:  ", "  legal_rep:       ").problems();
        assertThat(problems).containsExactly(p(MR_MAPPING) + ":10: fields.legal_rep: unknown dataset field:"
                + " legal_entity has no field 'legal_rep'. Fix: use one of [uscc, name, legal_rep_name,"
                + " registered_capital_cny, established_date, division_code, status_code] or remove it");
    }

    @Test
    void unmappedRequiredFieldIsReported() {
        List<String> problems = ProjectCopy.create()
                .edit(MR_MAPPING, "  status_code:", "# status_code:").problems();
        assertThat(problems).containsExactly(p(MR_MAPPING) + ":7: fields: unmapped required field:"
                + " legal_entity.status_code is required and the mapping neither fills nor derives it. Fix: add"
                + " 'status_code: { from: <source column> }' (or '{ default: <value> }') under fields");
    }

    @Test
    void codeTableMappingToANonStandardCodeIsReported() {
        List<String> problems = ProjectCopy.create().edit(MR_MAPPING, "\"04\": \"4\"", "\"04\": \"?\"").problems();
        assertThat(problems).singleElement().asString()
                .startsWith(p(MR_MAPPING) + ":14: fields.status_code.codes.04 = '?': code table gap: maps to '?',"
                        + " which is not a standard code of status_code. Fix: map it to one of 1 (存续/在业/开业), 2 (吊销)");
    }

    @Test
    void unquotedSourceCodeIsACodeTableGap() {
        List<String> problems = ProjectCopy.create().edit(MR_MAPPING, "\"04\": \"4\"", "04: \"4\"").problems();
        assertThat(problems).singleElement().asString().contains("fields.status_code.codes.4 = '4': code table gap:"
                + " the source code is not quoted").contains("Fix: quote it");
    }

    @Test
    void undeclaredTemplateParameterIsReported() {
        String kamelet = "connectors/lake-sink.kamelet.yaml";
        List<String> problems = ProjectCopy.create().edit(kamelet, "compression={{compression}}", "compression={{compresion}}").problems();
        assertThat(problems).anyMatch(l -> l.startsWith(p(kamelet) + ":")
                && l.contains("spec.template = '{{compresion}}': the template uses a parameter that is not declared"));
        assertThat(problems).anyMatch(l -> l.contains("spec.definition.properties.compression: the parameter is"
                + " declared but spec.template never uses it. Fix: use it as {{compression}}"));
    }

    @Test
    void duplicateRouteIdIsReported() {
        ProjectCopy copy = ProjectCopy.create();
        copy.write("routes/market-regulation-copy.yaml", read(copy, MR_ROUTE));
        List<String> problems = copy.problems();
        assertThat(problems).anySatisfy(l -> assertThat(l).startsWith(p("routes/market-regulation-enterprises.yaml")
                + ":")
                .contains("route[market-regulation.enterprises].id = 'market-regulation.enterprises': the same route"
                        + " id is also used in"));
    }

    @Test
    void twoFeedsOfTheSameSourceWithTheSameParametersAreReported() {
        ProjectCopy copy = ProjectCopy.create();
        copy.write("routes/market-regulation-copy.yaml", read(copy, MR_ROUTE)
                .replace("id: market-regulation.enterprises", "id: market-regulation.copy"));
        assertThat(copy.problems()).singleElement().asString()
                .startsWith("routes/market-regulation-enterprises.yaml:9: route[market-regulation.enterprises].from.uri")
                .contains("the same source with the same parameters is already read by route market-regulation.copy");
    }

    @Test
    void invalidPeriodIsReportedWithItsLine() {
        List<String> problems = ProjectCopy.create().edit(MR_ROUTE, "period: 60s", "period: every minute").problems();
        assertThat(problems).containsExactly(p(MR_ROUTE) + ":15: route[market-regulation.enterprises].from.parameters"
                + ".period = 'every minute': not a duration, so the schedule never fires as meant. Fix: write e.g. 30s,"
                + " 5m, 1h, 1h30m or PT5M (plain digits are milliseconds)");
    }

    @Test
    void cronThatNeverFiresIsReported() {
        List<String> problems = ProjectCopy.create().write("routes/health-nightly.yaml", """
                - route:
                    id: health.nightly
                    from:
                      uri: "quartz:health/nightly?cron=0+0+2+*+*+?+2001"
                      steps:
                        - log:
                            message: nightly
                """).problems();
        assertThat(problems).singleElement().asString().startsWith(p("routes/health-nightly.yaml") + ":4: ")
                .contains("from.uri.cron = '0 0 2 * * ? 2001': the cron never fires again");
    }

    @Test
    void invalidCronIsReported() {
        List<String> problems = ProjectCopy.create().write("routes/health-nightly.yaml", """
                - route:
                    id: health.nightly
                    from:
                      uri: "quartz:health/nightly?cron=0+0+25+*+*+?"
                      steps:
                        - log:
                            message: nightly
                """).problems();
        assertThat(problems).singleElement().asString().contains("not a valid Quartz cron expression");
    }

    @Test
    void dataSourceThatNoSettingConfiguresIsReported() {
        List<String> problems = ProjectCopy.create()
                .edit(MR_ROUTE, "dataSource: marketRegulationDb", "dataSource: taxDb").problems();
        assertThat(problems).containsExactly(p(MR_ROUTE) + ":11: route[market-regulation.enterprises].from.parameters"
                + ".dataSource = 'taxDb': no configured data source is named 'taxDb'. Fix: configure it as"
                + " hub.datasources.taxDb.url/username/password (application.yml, a profile or the environment), or use"
                + " one of [marketRegulationDb, warehouseDb]");
    }

    @Test
    void dataSourcesComeFromTheSettingsAndProfile() {
        HubSettings production = HubSettings.load(List.of("--spring.profiles.active=production",
                "--hub.datasources.taxDb.url=jdbc:h2:mem:tax"));
        assertThat(production.dataSources()).contains("taxDb", "warehouseDb").doesNotContain("marketRegulationDb");
        assertThat(HubSettings.load(List.of()).dataSources()).contains("marketRegulationDb");
    }

    @Test
    void validateExitsNonZeroOnAnyProblem() {
        ProjectCopy copy = ProjectCopy.create().edit(MR_ROUTE, "period: 60s", "period: soon");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Kit.validate(new String[] {"validate", "--camel.main.routes-include-pattern=file:"
                + copy.file("routes") + "/*.yaml", "--camel.component.kamelet.location=file:" + copy.file("connectors"),
                "--hub.config-dir=" + copy.file("config")}, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("period = 'soon'").contains("validate: 1 problem");
    }

    private static String read(ProjectCopy copy, String relative) {
        try {
            return java.nio.file.Files.readString(copy.file(relative));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String p(String relative) {
        return relative.replace('/', java.io.File.separatorChar);
    }
}
