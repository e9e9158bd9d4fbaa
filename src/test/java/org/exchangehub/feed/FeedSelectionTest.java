package org.exchangehub.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class FeedSelectionTest {

    private static final List<String> FEEDS = List.of("tax.taxpayers", "tax.registrations", "health.births",
            "health.births-legacy");

    @Test
    void aGlobSelectsTheFeedsItMatchesInIdOrder() {
        assertThat(FeedSelection.of("tax.*").select(FEEDS)).containsExactly("tax.registrations", "tax.taxpayers");
    }

    @Test
    void idsAndGlobsCombineByComma() {
        assertThat(FeedSelection.of("health.births, tax.tax*").select(FEEDS))
                .containsExactly("health.births", "tax.taxpayers");
    }

    @Test
    void aQuestionMarkStandsForOneCharacterAndDotsAreLiteral() {
        assertThat(FeedSelection.of("tax?taxpayers").select(List.of("tax.taxpayers", "taxXtaxpayers", "tax..taxpayers")))
                .containsExactly("tax.taxpayers", "taxXtaxpayers");
        assertThat(FeedSelection.of("tax.taxpayer*").matches("taxXtaxpayers")).isFalse();
    }

    @Test
    void noPatternSelectsEveryFeed() {
        assertThat(FeedSelection.of(null).select(FEEDS)).hasSize(4);
        assertThat(FeedSelection.of(" ").isAll()).isTrue();
    }

    @Test
    void aPatternThatMatchesNoFeedIsRefusedWithTheFeedsThereAre() {
        assertThatThrownBy(() -> FeedSelection.of("tax.*,edu.*").select(FEEDS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--feeds edu.* matches no feed; the feeds are [health.births, health.births-legacy,"
                        + " tax.registrations, tax.taxpayers]");
    }
}
