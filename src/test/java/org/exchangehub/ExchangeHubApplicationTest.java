package org.exchangehub;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExchangeHubApplicationTest {

    @Test
    void theSpaceSeparatedFeedsOptionReachesSpringAsOneOption() {
        assertThat(ExchangeHubApplication.joinFeedsOption(new String[] {"--once", "--feeds", "tax.*", "--x=y"}))
                .containsExactly("--once", "--feeds=tax.*", "--x=y");
    }
}
