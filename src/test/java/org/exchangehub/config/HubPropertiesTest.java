package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@code hub.config-dir} is a file-system folder, even when a folder of that name is on the classpath. */
class HubPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Binding.class);

    @EnableConfigurationProperties(HubProperties.class)
    static class Binding {
    }

    @Test
    void theDefaultConfigFolderIsTheWorkingFoldersNotTheClasspaths() {
        // the test classpath holds a config/ folder of fixtures (src/test/resources/config)
        assertThat(getClass().getClassLoader().getResource("config")).isNotNull();

        runner.run(context -> {
            HubProperties hub = context.getBean(HubProperties.class);
            assertThat(hub.catalogueDir()).isEqualTo(Path.of("config", "catalogue"));
            assertThat(hub.mappingsDir()).isEqualTo(Path.of("config", "mappings"));
        });
    }

    @Test
    void aRelativeConfigFolderIsKeptRelative() {
        runner.withPropertyValues("hub.config-dir=config").run(context ->
                assertThat(context.getBean(HubProperties.class).divisionCodes())
                        .isEqualTo(Path.of("config/codes/divisions.csv")));
    }
}
