package org.exchangehub.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivisionCodesTest {

    @TempDir
    Path dir;

    @Test
    void projectTableHoldsFujianAndTheExampleDivisions() {
        DivisionCodes codes = DivisionCodes.load(Path.of("config/codes/divisions.csv"));
        assertThat(codes.contains("350100")).isTrue();
        assertThat(codes.name("350203")).isEqualTo("思明区");
        assertThat(codes.contains("110105")).isTrue();
        assertThat(codes.contains("440300")).isFalse();
    }

    @Test
    void absentTableMeansOnlySixDigitsAreChecked() {
        DivisionCodes codes = DivisionCodes.loadIfPresent(dir.resolve("divisions.csv"));
        assertThat(codes.configured()).isFalse();
        assertThat(codes.accepts("440300")).isTrue();
        assertThat(codes.accepts("44030")).isFalse();
    }

    @Test
    void configuredTableRejectsUnknownCodes() {
        DivisionCodes codes = DivisionCodes.load(Path.of("config/codes/divisions.csv"));
        assertThat(codes.accepts("440300")).isFalse();
        assertThat(codes.accepts("350100")).isTrue();
    }

    @Test
    void malformedLineIsRefused() throws IOException {
        Path csv = dir.resolve("divisions.csv");
        Files.writeString(csv, "code,name\n350100,福州市\n35020,厦门市\n");
        assertThatThrownBy(() -> DivisionCodes.load(csv)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("divisions.csv: line 3").hasMessageContaining("Fix: write e.g. 350100,福州市");
    }

    @Test
    void repeatedCodeIsRefused() throws IOException {
        Path csv = dir.resolve("divisions.csv");
        Files.writeString(csv, "code,name\n350100,福州市\n350100,福州\n");
        assertThatThrownBy(() -> DivisionCodes.load(csv)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 3 = '350100'").hasMessageContaining("Fix: keep one line per code");
    }
}
