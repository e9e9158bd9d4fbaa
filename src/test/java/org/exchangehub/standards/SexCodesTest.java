package org.exchangehub.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SexCodesTest {

    @Test
    void commonSpellingsMapToTheStandardCodes() {
        assertThat(SexCodes.normalize("男")).isEqualTo("1");
        assertThat(SexCodes.normalize("M")).isEqualTo("1");
        assertThat(SexCodes.normalize("1")).isEqualTo("1");
        assertThat(SexCodes.normalize("女")).isEqualTo("2");
        assertThat(SexCodes.normalize("F")).isEqualTo("2");
        assertThat(SexCodes.normalize("2")).isEqualTo("2");
        assertThat(SexCodes.normalize("未知")).isEqualTo("0");
        assertThat(SexCodes.normalize("0")).isEqualTo("0");
        assertThat(SexCodes.normalize("未说明")).isEqualTo("9");
        assertThat(SexCodes.normalize("9")).isEqualTo("9");
    }

    @Test
    void anythingElseMapsToNothing() {
        assertThat(SexCodes.normalize("X")).isNull();
        assertThat(SexCodes.normalize("3")).isNull();
    }
}
