package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Each misconfiguration of a feed route is reported with the file, the key and a fix: one fixture folder under
 * {@code config/routes/} per problem, checked against the small catalogue in {@code config/connectors/}.
 */
class RouteValidatorTest {

    private static final Path FIXTURES = Path.of("src/test/resources/config");
    private static final Set<String> MAPPINGS = Set.of("health-clinics", "health-hospitals");

    @Test
    void aCorrectRouteHasNoProblem() {
        assertThat(validate("valid")).isEmpty();
    }

    @Test
    void aRouteWithoutIdIsReported() {
        ConfigException problem = single("no-id");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("route[0].id");
        assertThat(problem.problem()).contains("no id");
        assertThat(problem.fix()).contains("id: market-regulation.enterprises");
    }

    @Test
    void aBareFromWithoutRouteAndIdIsReported() {
        ConfigException problem = single("bare-from");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("[0].from");
        assertThat(problem.fix()).contains("- route:").contains("id: <department>.<feed>");
    }

    @Test
    void anIdNotOfTheFormDepartmentDotFeedIsReported() {
        ConfigException problem = single("bad-id");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("route[HealthClinics].id");
        assertThat(problem.value()).isEqualTo("HealthClinics");
        assertThat(problem.problem()).contains("<department>.<feed>");
        assertThat(problem.fix()).contains("market-regulation.enterprises");
    }

    @Test
    void theSameIdInTwoFilesIsReportedInTheSecondNamingTheFirst() {
        ConfigException problem = single("duplicate-id");

        assertThat(problem.file()).endsWith("health-hospitals.yaml");
        assertThat(problem.key()).isEqualTo("route[health.clinics].id");
        assertThat(problem.problem()).contains("also used in").contains("health-clinics.yaml");
        assertThat(problem.fix()).contains("its own id");
    }

    @Test
    void anUnknownConnectorIsReportedListingTheKnownOnes() {
        ConfigException problem = single("unknown-connector");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("route[health.clinics].from.uri");
        assertThat(problem.value()).isEqualTo("kamelet:tabel-source");
        assertThat(problem.problem()).contains("no connector named 'tabel-source'");
        assertThat(problem.fix()).contains("[table-source, unified-mapping-action]");
    }

    @Test
    void aStepNestedInAFilterIsCheckedToo() {
        ConfigException problem = single("nested-step");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("route[health.clinics].steps[0].filter.steps[0].to.parameters.mapping");
        assertThat(problem.value()).isEqualTo("health-dentists");
        assertThat(problem.problem()).contains("no such mapping");
    }

    @Test
    void anUndeclaredParameterIsReportedListingTheDeclaredOnes() {
        ConfigException problem = single("unknown-parameter");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("route[health.clinics].from.parameters.primaryKey");
        assertThat(problem.problem()).contains("table-source has no parameter 'primaryKey'");
        assertThat(problem.fix()).contains("[keyColumn, period, table]").contains("table-source.kamelet.yaml");
    }

    @Test
    void aMissingRequiredParameterIsReported() {
        ConfigException problem = single("missing-parameter");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("route[health.clinics].from.parameters.keyColumn");
        assertThat(problem.problem()).contains("requires parameter 'keyColumn'");
        assertThat(problem.fix()).contains("add 'keyColumn: ...' under parameters");
    }

    @Test
    void anUnknownMappingIsReportedListingTheKnownOnes() {
        ConfigException problem = single("unknown-mapping");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).isEqualTo("route[health.clinics].steps[0].to.parameters.mapping");
        assertThat(problem.value()).isEqualTo("health-clinic");
        assertThat(problem.fix()).contains("config/mappings/health-clinic.yaml")
                .contains("[health-clinics, health-hospitals]");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() {
        ConfigException problem = single("yaml-error");

        assertThat(problem.file()).endsWith("health-clinics.yaml");
        assertThat(problem.key()).startsWith("line 7,");
        assertThat(problem.problem()).startsWith("not valid YAML");
        assertThat(problem.fix()).contains("fix the YAML syntax");
    }

    @Test
    void aDotInTheFileNameBeforeYamlIsReported() {
        ConfigException problem = single("dotted-file-name");

        assertThat(problem.file()).endsWith("health.clinics.yaml");
        assertThat(problem.value()).isEqualTo("health.clinics.yaml");
        assertThat(problem.problem()).contains("Cannot find RoutesBuilderLoader").contains("clinics.yaml");
        assertThat(problem.fix()).contains("rename the file to health-clinics.yaml");
    }

    @Test
    void theProjectsOwnRoutesConnectorsAndMappingsHaveNoProblem() {
        List<ConfigException> problems = new ArrayList<>();
        ConnectorCatalogue connectors = ConnectorCatalogue.load(Path.of("connectors"), problems);
        Set<String> mappings = mappingNames(Path.of("config/mappings"));

        new RouteValidator(connectors, mappings).validate(Path.of("routes"), problems);

        assertThat(problems).isEmpty();
        assertThat(connectors.names()).contains("jdbc-incremental-source", "unified-mapping-action", "lake-sink");
    }

    private static Set<String> mappingNames(Path dir) {
        try (var files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .collect(java.util.stream.Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<ConfigException> validate(String fixture) {
        List<ConfigException> problems = new ArrayList<>();
        ConnectorCatalogue connectors = ConnectorCatalogue.load(FIXTURES.resolve("connectors"), problems);
        assertThat(problems).as("the fixture catalogue is valid").isEmpty();
        new RouteValidator(connectors, MAPPINGS).validate(FIXTURES.resolve("routes").resolve(fixture), problems);
        return problems;
    }

    private static ConfigException single(String fixture) {
        List<ConfigException> problems = validate(fixture);
        assertThat(problems).as("problems of fixture %s", fixture).hasSize(1);
        ConfigException problem = problems.get(0);
        assertThat(problem.getMessage()).contains(problem.file()).contains("Fix: ");
        if (problem.key() != null) {
            assertThat(problem.getMessage()).contains(problem.key());
        }
        return problem;
    }
}
