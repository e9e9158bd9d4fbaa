package org.exchangehub.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void trimsAndCollapsesInnerSpaces() {
        assertThat(Text.clean("  张   三 ")).isEqualTo("张 三");
    }

    @Test
    void foldsFullWidthLettersDigitsAndSpace() {
        assertThat(Text.clean("ＡＢＣ　１２３ａｂ")).isEqualTo("ABC 123ab");
    }

    @Test
    void keepsFullWidthPunctuation() {
        assertThat(Text.clean("福州某某科技（集团）有限公司")).isEqualTo("福州某某科技（集团）有限公司");
    }

    @Test
    void blankIsMissing() {
        assertThat(Text.clean(" \u3000 ")).isNull();
        assertThat(Text.clean("")).isNull();
    }

    @Test
    void cleanTextIsReturnedAsIs() {
        String s = "Zhang San";
        assertThat(Text.clean(s)).isSameAs(s);
    }
}
