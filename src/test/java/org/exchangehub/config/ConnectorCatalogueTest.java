package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each flaw of a building block in {@code connectors/} is reported with the file, the key and a fix: one fixture
 * folder under {@code config/connectors-broken/} per flaw.
 */
class ConnectorCatalogueTest {

    private static final Path FIXTURES = Path.of("src/test/resources/config");

    @Test
    void aWellDeclaredCatalogueHasNoProblemAndKnowsWhatIsRequired() {
        List<ConfigException> problems = new ArrayList<>();
        ConnectorCatalogue catalogue = ConnectorCatalogue.load(FIXTURES.resolve("connectors"), problems);

        assertThat(problems).isEmpty();
        ConnectorCatalogue.Connector source = catalogue.connector("table-source");
        assertThat(source.parameters()).containsOnlyKeys("table", "keyColumn", "period");
        assertThat(source.isRequired("table")).isTrue();
        assertThat(source.isRequired("period")).isFalse();
    }

    @Test
    void aKameletWhoseNameDiffersFromItsFileNameIsReported() {
        ConfigException problem = single("name-mismatch");

        assertThat(problem.key()).isEqualTo("metadata.name");
        assertThat(problem.value()).isEqualTo("jdbc-source");
        assertThat(problem.fix()).contains("name: table-source").contains("jdbc-source.kamelet.yaml");
    }

    @Test
    void aDeclaredParameterTheTemplateNeverUsesIsReported() {
        ConfigException problem = single("unused-parameter");

        assertThat(problem.key()).isEqualTo("spec.definition.properties.fetchSize");
        assertThat(problem.problem()).contains("never uses it");
        assertThat(problem.fix()).contains("{{fetchSize}}");
    }

    @Test
    void aTemplatePlaceholderThatIsNotDeclaredIsReported() {
        ConfigException problem = single("undeclared-placeholder");

        assertThat(problem.key()).isEqualTo("spec.template");
        assertThat(problem.value()).isEqualTo("{{keyColum}}");
        assertThat(problem.fix()).contains("declare 'keyColum'").contains("spec.definition.properties");
    }

    @Test
    void aParameterWithoutDescriptionIsReported() {
        ConfigException problem = single("undocumented-parameter");

        assertThat(problem.key()).isEqualTo("spec.definition.properties.table.description");
        assertThat(problem.problem()).contains("no description")
                .contains("every parameter needs a title, a full-sentence description and a type");
        assertThat(problem.fix()).contains("description: ...");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWithItsLine() {
        ConfigException problem = single("yaml-error");

        assertThat(problem.key()).isEqualTo("line 8, column 31");
        assertThat(problem.problem()).contains("mapping values are not allowed here");
        assertThat(problem.problem()).startsWith("not valid YAML");
        assertThat(problem.fix()).contains("fix the YAML syntax");
    }

    @Test
    void theProjectsConnectorsAreWellDeclared() {
        List<ConfigException> problems = new ArrayList<>();
        ConnectorCatalogue catalogue = ConnectorCatalogue.load(Path.of("connectors"), problems);

        assertThat(problems).isEmpty();
        assertThat(catalogue.connector("jdbc-incremental-source").isRequired("keyColumn")).isTrue();
        assertThat(catalogue.connector("jdbc-incremental-source").isRequired("period")).isFalse();
    }

    private static ConfigException single(String fixture) {
        List<ConfigException> problems = new ArrayList<>();
        ConnectorCatalogue.load(FIXTURES.resolve("connectors-broken").resolve(fixture), problems);
        assertThat(problems).as("problems of fixture %s", fixture).hasSize(1);
        ConfigException problem = problems.get(0);
        assertThat(problem.file()).endsWith("table-source.kamelet.yaml");
        assertThat(problem.getMessage()).contains(problem.file()).contains(problem.key()).contains("Fix: ");
        return problem;
    }
}
