package org.exchangehub.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.exchangehub.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DivisionCodesTest {

    private static final Path SHIPPED = Path.of("config/codes/divisions.csv");
    private static final DivisionCodes TABLE = DivisionCodes.load(SHIPPED);

    @TempDir
    Path dir;

    @Test
    void projectTableHoldsFujianAndTheExampleDivisions() {
        assertThat(TABLE.contains("350100")).isTrue();
        assertThat(TABLE.name("350203")).isEqualTo("思明区");
        assertThat(TABLE.contains("110105")).isTrue();
        assertThat(TABLE.contains("350199")).isFalse();
    }

    @Test
    void shippedTableHoldsTheWholeCountryWithEveryCodeOnceAndSixDigits() throws IOException {
        List<String> codeLines = Files.readAllLines(SHIPPED, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).skip(1).toList();
        assertThat(codeLines).hasSizeGreaterThan(3000).allMatch(l -> l.matches("\\d{6},\\S+"));
        assertThat(codeLines.stream().map(l -> l.substring(0, 6)).distinct()).hasSameSizeAs(codeLines);
        assertThat(TABLE.size()).isEqualTo(codeLines.size());
    }

    @Test
    void shippedTableHasEveryProvinceLevelDivision() {
        List<String> provinces = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
                "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
                "64", "65", "71", "81", "82");
        assertThat(provinces).allMatch(p -> TABLE.accepts(p + "0000"));
        assertThat(TABLE.name("540000")).isEqualTo("西藏自治区");
        assertThat(TABLE.name("810000")).isEqualTo("香港特别行政区");
    }

    @Test
    void countiesOfOtherProvincesAreKnown() {
        assertThat(TABLE.name("110101")).isEqualTo("东城区");
        assertThat(TABLE.name("440305")).isEqualTo("南山区");
        assertThat(TABLE.name("650102")).isEqualTo("天山区");
        assertThat(TABLE.name("230103")).isEqualTo("南岗区");
        assertThat(TABLE.name("469002")).isEqualTo("琼海市");
    }

    @Test
    void prefecturesAndProvincesAreAcceptedLikeCounties() {
        assertThat(TABLE.name("350100")).isEqualTo("福州市");
        assertThat(TABLE.name("440300")).isEqualTo("深圳市");
        assertThat(TABLE.name("532900")).isEqualTo("大理白族自治州");
        assertThat(TABLE.name("350000")).isEqualTo("福建省");
        assertThat(TABLE.accepts("440300")).isTrue();
    }

    @Test
    void divisionsOfTheCurrentEditionAreKnown() {
        // set up or renamed in 2021-2023
        assertThat(TABLE.name("350404")).isEqualTo("三元区");
        assertThat(TABLE.name("330113")).isEqualTo("临平区");
        assertThat(TABLE.name("450181")).isEqualTo("横州市");
    }

    @Test
    void retiredCodesStayAcceptedForRecordsIssuedBeforeTheChange() {
        assertThat(TABLE.name("350402")).isEqualTo("梅列区");
        assertThat(TABLE.name("330103")).isEqualTo("下城区");
    }

    @Test
    void statisticsOnlyUnitsAreNotDivisions() {
        assertThat(TABLE.accepts("130171")).as("石家庄高新技术产业开发区").isFalse();
        assertThat(TABLE.accepts("320576")).as("苏州工业园区").isFalse();
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
        assertThat(TABLE.accepts("440399")).isFalse();
        assertThat(TABLE.accepts("999999")).isFalse();
        assertThat(TABLE.accepts("350100")).isTrue();
    }

    @Test
    void commentLinesBeforeTheHeaderAndBetweenCodesAreSkipped() throws IOException {
        Path csv = dir.resolve("divisions.csv");
        Files.writeString(csv, "\uFEFF# edition 2024\n# source: a test\ncode,name\n350100,福州市\n# retired\n350402,梅列区\n");
        DivisionCodes codes = DivisionCodes.load(csv);
        assertThat(codes.size()).isEqualTo(2);
        assertThat(codes.name("350402")).isEqualTo("梅列区");
    }

    @Test
    void tableWithoutHeaderIsRefused() throws IOException {
        Path csv = dir.resolve("divisions.csv");
        Files.writeString(csv, "# edition 2024\n350100,福州市\n");
        assertThatThrownBy(() -> DivisionCodes.load(csv)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("divisions.csv: line 2 = '350100,福州市': is not the header 'code,name'")
                .hasMessageContaining("Fix: start the table with the line code,name");
    }

    @Test
    void tableWithoutCodesIsRefused() throws IOException {
        Path csv = dir.resolve("divisions.csv");
        Files.writeString(csv, "# edition 2024\ncode,name\n");
        assertThatThrownBy(() -> DivisionCodes.load(csv)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("divisions.csv: holds no division codes")
                .hasMessageContaining("Fix: give the header code,name and one line per code");
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
