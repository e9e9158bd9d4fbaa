package org.exchangehub.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.exchangehub.state.Watermark;
import org.junit.jupiter.api.Test;

class MaskTest {

    @Test
    void anIdNumberKeepsItsFirstAndLastFourCharacters() {
        assertThat(Mask.forRule("id_number").apply("11010519491231002X")).isEqualTo("1101**********002X");
    }

    @Test
    void aNameKeepsItsFirstCharacter() {
        assertThat(Mask.forRule("name").apply("张三")).isEqualTo("张*");
        assertThat(Mask.forRule("name").apply("欧阳锋华")).isEqualTo("欧***");
    }

    @Test
    void aMobileNumberKeepsThreeAndFour() {
        assertThat(Mask.forRule("mobile_phone").apply("13812341234")).isEqualTo("138****1234");
    }

    @Test
    void anAddressIsTruncated() {
        assertThat(Mask.forRule("text").apply("福建省福州市鼓楼区五四路八十八号")).isEqualTo("福建省福州市…");
    }

    @Test
    void anythingElseSensitiveIsHiddenWhole() {
        assertThat(Mask.forRule("date").apply("1990-03-07")).doesNotContain("1990");
        assertThat(Mask.forRule("something").apply("secret")).isEqualTo("***");
    }

    @Test
    void aWatermarkParsesWithMillisAndKey() {
        assertThat(WatermarkText.parse("2026-01-02T03:04:05.678/42"))
                .isEqualTo(new Watermark(LocalDateTime.of(2026, 1, 2, 3, 4, 5, 678_000_000), "42"));
        assertThat(WatermarkText.parse("2026-01-02T03:04:05"))
                .isEqualTo(new Watermark(LocalDateTime.of(2026, 1, 2, 3, 4, 5), null));
    }

    @Test
    void anEmptyWatermarkClearsIt() {
        assertThat(WatermarkText.parse(" ")).isNull();
    }

    @Test
    void aWatermarkThatIsNotATimeIsRefusedWithTheFormat() {
        assertThatThrownBy(() -> WatermarkText.parse("2026-13-01T00:00:00"))
                .hasMessageContaining("yyyy-MM-ddTHH:mm:ss[.SSS]");
    }

    @Test
    void aRawFormReadsBackInColumnOrder() {
        java.util.Map<String, String> columns = RawForms.columns("{\"B\":\"1\",\"A\":null}");
        assertThat(columns.keySet()).containsExactly("B", "A");
        assertThat(columns.get("B")).isEqualTo("1");
        assertThat(columns.get("A")).isNull();
        assertThat(RawForms.columns("line 7: not a record")).isNull();
    }
}
