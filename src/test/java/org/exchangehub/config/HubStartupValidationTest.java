package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.exchangehub.ExchangeHubApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole application refuses to start on a configuration mistake, naming the file, the key and the fix, and
 * the failure analyzer turns it into the short report an engineer sees instead of a stack trace. Each test starts
 * the hub on a copy of the project's {@code config/} and {@code routes/} with one mistake made in it (that the
 * project's own files have no problem is {@link RouteValidatorTest}'s and the mapping tests' concern).
 */
class HubStartupValidationTest {

    @TempDir
    Path temp;

    private Path config;
    private Path routes;

    @BeforeEach
    void copyProjectConfiguration() {
        config = copy(Path.of("config"), temp.resolve("config"));
        routes = copy(Path.of("routes"), temp.resolve("routes"));
    }

    @Test
    void aMappingOfAnUnknownDatasetFieldStopsStartUp() {
        Path mapping = config.resolve("mappings/market-regulation-enterprises.yaml");
        edit(mapping, "  name:                   { from: QYMC }",
                "  name:                   { from: QYMC }\n  nickname:               { from: QYMC }");

        ConfigException problem = startUpFailure();

        assertThat(problem.file()).isEqualTo(mapping.toString());
        assertThat(problem.key()).isEqualTo("fields.nickname");
        assertThat(problem.problem()).contains("is not a field of dataset legal_entity");
        assertThat(problem.fix()).contains("use one of").contains("uscc");
        assertReported(problem);
    }

    @Test
    void aRouteMissingARequiredConnectorParameterStopsStartUp() {
        Path route = routes.resolve("market-regulation-enterprises.yaml");
        edit(route, "        keyColumn: ID\n", "");

        ConfigException problem = startUpFailure();

        assertThat(problem.file()).isEqualTo(route.toString());
        assertThat(problem.key()).isEqualTo("route[market-regulation.enterprises].from.parameters.keyColumn");
        assertThat(problem.problem()).contains("requires parameter 'keyColumn'");
        assertThat(problem.fix()).contains("add 'keyColumn: ...' under parameters");
        assertReported(problem);
    }

    @Test
    void aProxyPortOutOfRangeStopsStartUp() {
        Path route = routes.resolve("civil-affairs-persons.yaml");
        edit(route, "        timeZone: Asia/Shanghai\n",
                "        timeZone: Asia/Shanghai\n        proxyHost: proxy.gov.local\n        proxyPort: 70000\n");

        ConfigException problem = startUpFailure();

        assertThat(problem.file()).isEqualTo(route.toString());
        assertThat(problem.key()).isEqualTo("route[civil-affairs.persons].from.parameters.proxyPort");
        assertThat(problem.value()).isEqualTo("70000");
        assertThat(problem.problem()).isEqualTo("is not a port number between 1 and 65535");
        assertThat(problem.fix()).contains("give the proxy's port");
        assertReported(problem);
    }

    @Test
    void aRoutesPatternThatMatchesNoFileStopsStartUpSayingSo() throws IOException {
        try (Stream<Path> files = Files.list(routes)) {
            for (Path f : files.toList()) {
                Files.move(f, f.resolveSibling(f.getFileName() + ".off"));
            }
        }

        ConfigException problem = startUpFailure();

        assertThat(problem.key()).isEqualTo("camel.main.routes-include-pattern");
        assertThat(problem.problem()).isEqualTo("routes pattern file:" + routes + "/*.yaml matches no file in " + routes);
        assertReported(problem);
    }

    private static void assertReported(ConfigException problem) {
        FailureAnalysis analysis = new ConfigFailureAnalyzer().analyze(new IllegalStateException("wrapped", problem));

        assertThat(analysis.getDescription()).startsWith("Exchange Hub configuration is invalid:")
                .contains("file:    " + problem.file())
                .contains("key:     " + problem.key())
                .contains("problem: " + problem.problem())
                .doesNotContain("\tat ");
        assertThat(analysis.getAction()).isEqualTo(problem.fix());
        assertThat(analysis.getCause()).isSameAs(problem);
    }

    private ConfigException startUpFailure() {
        Throwable failure = catchThrowable(() -> start().close());
        assertThat(failure).as("start-up must fail").isNotNull();
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        assertThat(root).isInstanceOf(ConfigException.class);
        // what Spring Boot itself does with the failure: the analyzer finds the ConfigException in the chain
        FailureAnalysis analysis = new ConfigFailureAnalyzer().analyze(failure);
        assertThat(analysis).isNotNull();
        assertThat(analysis.getCause()).isSameAs(root);
        return (ConfigException) root;
    }

    private ConfigurableApplicationContext start() {
        String unique = UUID.randomUUID().toString();
        return new SpringApplicationBuilder(ExchangeHubApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--spring.datasource.url=jdbc:h2:mem:state-" + unique + ";DB_CLOSE_DELAY=-1",
                        "--hub.scheduling-enabled=false",
                        "--hub.config-dir=" + config,
                        "--hub.lake.root=" + temp.resolve("lake"),
                        "--hub.demo.market-regulation.database-name=market-regulation-" + unique,
                        "--hub.demo.market-regulation.rows=20",
                        "--hub.demo.market-regulation.trickle-interval=1h",
                        "--camel.main.routes-include-pattern=file:" + routes + "/*.yaml",
                        "--camel.component.kamelet.location=file:" + Path.of("connectors").toAbsolutePath(),
                        "--camel.main.jmx-enabled=false");
    }

    private static void edit(Path file, String from, String to) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            assertThat(text).as("fixture text in %s", file).contains(from);
            Files.writeString(file, text.replace(from, to), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
