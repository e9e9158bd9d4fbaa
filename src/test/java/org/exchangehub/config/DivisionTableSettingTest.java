package org.exchangehub.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exchangehub.catalogue.DivisionCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;

/** {@code hub.codes.divisions} points a deployment at another edition of the GB/T 2260 table, checked at start-up. */
class DivisionTableSettingTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Wiring.class);

    @TempDir
    Path dir;

    @EnableConfigurationProperties(HubProperties.class)
    static class Wiring {
        @Bean
        DivisionCodes divisionCodes(HubProperties hub) {
            return HubConfiguration.loadDivisionCodes(hub);
        }
    }

    @Test
    void withoutTheSettingTheShippedTableIsLoaded() {
        runner.run(context -> {
            assertThat(context.getBean(HubProperties.class).divisionCodes())
                    .isEqualTo(Path.of("config/codes/divisions.csv"));
            assertThat(context.getBean(DivisionCodes.class).size()).isGreaterThan(3000);
        });
    }

    @Test
    void theSettingReplacesTheShippedTable() throws IOException {
        Path newer = Files.writeString(dir.resolve("divisions-2025.csv"),
                "# edition 2025\ncode,name\n350100,福州市\n350999,新设区\n");
        runner.withPropertyValues("hub.codes.divisions=" + newer).run(context -> {
            DivisionCodes codes = context.getBean(DivisionCodes.class);
            assertThat(codes.size()).isEqualTo(2);
            assertThat(codes.name("350999")).isEqualTo("新设区");
            assertThat(codes.accepts("110101")).isFalse();
        });
    }

    @Test
    void theSettingNamingNoFileStopsStartUp() {
        Path missing = dir.resolve("divisions-2025.csv");
        runner.withPropertyValues("hub.codes.divisions=" + missing).run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(ConfigException.class)
                        .hasMessageContaining("hub.codes.divisions = '" + missing + "': names no file")
                        .hasMessageContaining("Fix: point it at a code,name CSV"));
    }

    @Test
    void aMalformedTableNamedByTheSettingStopsStartUpWithItsLine() throws IOException {
        Path broken = Files.writeString(dir.resolve("divisions-2025.csv"), "code,name\n350100;福州市\n");
        runner.withPropertyValues("hub.codes.divisions=" + broken).run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(ConfigException.class)
                        .hasMessageContaining(broken + ": line 2 = '350100;福州市': is not '<6-digit code>,<name>'"));
    }

    @Test
    void theSettingNamingAFolderStopsStartUp() {
        runner.withPropertyValues("hub.codes.divisions=" + dir).run(context ->
                assertThat(context).getFailure().rootCause().isInstanceOf(ConfigException.class)
                        .hasMessageContaining("hub.codes.divisions = '" + dir + "': names no file"));
    }
}
