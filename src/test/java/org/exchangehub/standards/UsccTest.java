package org.exchangehub.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsccTest {

    @Test
    void publishedExampleIsValid() {
        assertThat(Uscc.normalize("91350100M000100Y43")).isEqualTo("91350100M000100Y43");
        assertThat(Uscc.problem("91350100M000100Y43")).isNull();
    }

    @Test
    void lowerCaseIsUpperCased() {
        assertThat(Uscc.normalize("91350100m000100y43")).isEqualTo("91350100M000100Y43");
    }

    @Test
    void wrongCheckCharacterIsRejected() {
        assertThat(Uscc.normalize("91350100M000100Y44")).isNull();
        assertThat(Uscc.problem("91350100M000100Y44")).isEqualTo("check character is wrong");
    }

    @Test
    void charactersOutsideTheAlphabetAreRejected() {
        // I, O, S, V and Z are not used
        assertThat(Uscc.normalize("91350100I000100Y43")).isNull();
        assertThat(Uscc.problem("91350100I000100Y43")).contains("character 9");
    }

    @Test
    void otherLengthsAreRejected() {
        assertThat(Uscc.problem("91350100M000100Y4")).contains("has 17");
    }

    @Test
    void divisionIsCharactersThreeToEight() {
        assertThat(Uscc.divisionCode("91350100M000100Y43")).isEqualTo("350100");
    }

    @Test
    void checkValueThirtyOneBecomesZero() {
        // any 17 characters whose weighted sum is a multiple of 31 get check character '0'
        assertThat(Uscc.checkChar("00000000000000000")).isEqualTo('0');
    }
}
