package org.exchangehub.standards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobilePhonesTest {

    @Test
    void prefixSpacesAndDashesAreStripped() {
        assertThat(MobilePhones.normalize("+86 138-0591-1234")).isEqualTo("13805911234");
        assertThat(MobilePhones.normalize("0086 13805911234")).isEqualTo("13805911234");
        assertThat(MobilePhones.normalize("138 0591 1234")).isEqualTo("13805911234");
    }

    @Test
    void landlinesAndWrongLengthsAreNotMobileNumbers() {
        assertThat(MobilePhones.normalize("0591-87654321")).isNull();
        assertThat(MobilePhones.normalize("1380591123")).isNull();
        assertThat(MobilePhones.normalize("138059112345")).isNull();
    }

    @Test
    void countryCodeCountsOnlyAsAPrefix() {
        assertThat(MobilePhones.normalize("138+8605911")).isNull();
        assertThat(MobilePhones.normalize("+85213805911234")).isNull();
    }
}
