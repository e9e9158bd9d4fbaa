package org.exchangehub.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void publishedExampleIsValid() {
        assertThat(IdNumbers.normalize("11010519491231002X")).isEqualTo("11010519491231002X");
        assertThat(IdNumbers.problem("11010519491231002X")).isNull();
    }

    @Test
    void lowerCaseXIsUpperCased() {
        assertThat(IdNumbers.normalize("11010519491231002x")).isEqualTo("11010519491231002X");
    }

    @Test
    void legacyFifteenDigitNumberIsUpgraded() {
        // 350102800101123 -> 35010219800101123 + check. Weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2:
        // 3*7+5*9+0*10+1*5+0*8+2*4+1*2+9*1+8*6+0*3+0*7+1*9+0*10+1*5+1*8+2*4+3*2
        // = 21+45+0+5+0+8+2+9+48+0+0+9+0+5+8+8+6 = 174; 174 mod 11 = 9; "10X98765432"[9] = '3'
        assertThat(IdNumbers.normalize("350102800101123")).isEqualTo("350102198001011233");
    }

    @Test
    void legacyNumberOfThePublishedExampleUpgradesToIt() {
        // first 17 = 11010519491231002: sum 167, 167 mod 11 = 2, "10X98765432"[2] = 'X'
        assertThat(IdNumbers.normalize("110105491231002")).isEqualTo("11010519491231002X");
    }

    @Test
    void wrongCheckCharacterIsRejected() {
        assertThat(IdNumbers.normalize("110105194912310021")).isNull();
        assertThat(IdNumbers.problem("110105194912310021")).isEqualTo("check character is wrong");
    }

    @Test
    void birthDateThatIsNotARealDateIsRejected() {
        // 1949-02-30 does not exist; check character computed for the 17 digits so only the date is wrong
        String first17 = "11010519490230002";
        String id = first17 + IdNumbers.checkChar(first17);
        assertThat(IdNumbers.normalize(id)).isNull();
        assertThat(IdNumbers.problem(id)).contains("not a real date");
    }

    @Test
    void leapDayIsARealDate() {
        assertThat(IdNumbers.normalize("11010520000229003X")).isEqualTo("11010520000229003X");
    }

    @Test
    void otherLengthsAreRejected() {
        assertThat(IdNumbers.normalize("1101051949123100")).isNull();
        assertThat(IdNumbers.problem("1101051949123100")).contains("has 16");
    }

    @Test
    void lettersInsideAreRejected() {
        assertThat(IdNumbers.normalize("1101051949123100AX")).isNull();
        assertThat(IdNumbers.problem("1101051949123100AX")).contains("only digits");
    }

    @Test
    void sexComesFromTheSeventeenthDigit() {
        assertThat(IdNumbers.sexCode("350203199003071519")).isEqualTo("1");
        assertThat(IdNumbers.sexCode("11010519491231002X")).isEqualTo("2");
    }

    @Test
    void birthDateComesFromDigitsSevenToFourteen() {
        assertThat(IdNumbers.birthDate("11010519491231002X")).isEqualTo(LocalDate.of(1949, 12, 31));
    }
}
