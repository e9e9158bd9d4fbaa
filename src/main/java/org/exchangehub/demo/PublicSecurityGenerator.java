package org.exchangehub.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes the residents of the simulated public-security register: Fujian names and addresses, valid GB 11643 ID
 * numbers (with a share of 15-digit legacy ones), mobile numbers in the shapes people write them, and a few rows
 * that are wrong on purpose. The same seed gives the same residents.
 */
final class PublicSecurityGenerator {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] ROADS = {
        "五四路", "八一七北路", "华林路", "东街", "湖东路", "白马路", "工业路", "福新路", "金山大道", "鹭江道",
        "湖滨南路", "厦禾路", "嘉禾路", "集美大道", "丰泽街", "温陵路", "胜利路", "新华路", "人民路", "解放路",
    };
    private static final String[] ESTATES = {"小区", "花园", "新村", "公寓", "苑"};
    private static final String ESTATE_FIRST = "阳光金碧榕城鹭岛海峡东方锦绣世纪翠华江滨";

    private final SplittableRandom random;

    PublicSecurityGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** {@code count} residents; every 25th row is one of the dirty kinds, in turn. */
    List<PublicSecurityPerson> persons(int count, boolean withMalformed) {
        PublicSecurityPerson.Kind[] dirty = withMalformed
                ? new PublicSecurityPerson.Kind[] {PublicSecurityPerson.Kind.BAD_CHECK_CHARACTER,
                    PublicSecurityPerson.Kind.BIRTH_DATE_MISMATCH, PublicSecurityPerson.Kind.BAD_PHONE,
                    PublicSecurityPerson.Kind.NO_NAME, PublicSecurityPerson.Kind.MALFORMED}
                : new PublicSecurityPerson.Kind[] {PublicSecurityPerson.Kind.BAD_CHECK_CHARACTER,
                    PublicSecurityPerson.Kind.BIRTH_DATE_MISMATCH, PublicSecurityPerson.Kind.BAD_PHONE,
                    PublicSecurityPerson.Kind.NO_NAME};
        List<PublicSecurityPerson> persons = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PublicSecurityPerson.Kind kind = i % 25 == 24 ? dirty[(i / 25) % dirty.length]
                    : random.nextInt(100) < 12 ? PublicSecurityPerson.Kind.LEGACY_ID : PublicSecurityPerson.Kind.CLEAN;
            persons.add(person(kind));
        }
        return persons;
    }

    private PublicSecurityPerson person(PublicSecurityPerson.Kind kind) {
        String[] division = Vocabulary.DIVISIONS[random.nextInt(Vocabulary.DIVISIONS.length)];
        boolean legacy = kind == PublicSecurityPerson.Kind.LEGACY_ID;
        LocalDate birth = legacy ? LocalDate.of(1935, 1, 1).plusDays(random.nextInt(60 * 365))
                : LocalDate.of(1950, 1, 1).plusDays(random.nextInt(58 * 365));
        boolean male = random.nextBoolean();
        int seq = random.nextInt(100) * 10 + random.nextInt(5) * 2 + (male ? 1 : 0);
        String seq3 = String.format("%03d", seq);
        String id;
        if (legacy) {
            id = division[0] + birth.format(YYYYMMDD).substring(2) + seq3;
        } else {
            String body = division[0] + birth.format(YYYYMMDD) + seq3;
            char check = checkCharacter(body);
            if (kind == PublicSecurityPerson.Kind.BAD_CHECK_CHARACTER) {
                check = CHECK.charAt((CHECK.indexOf(check) + 1 + random.nextInt(9)) % 11);
            }
            id = body + check;
        }
        String birthDate = random.nextInt(100) < 20 ? "" : birth.format(YYYYMMDD);
        if (kind == PublicSecurityPerson.Kind.BIRTH_DATE_MISMATCH) {
            birthDate = birth.plusDays(1 + random.nextInt(300)).format(YYYYMMDD);
        }
        String name = kind == PublicSecurityPerson.Kind.NO_NAME ? "" : Vocabulary.personName(random);
        return new PublicSecurityPerson(id, name, male, birthDate, division[0], address(division), phone(kind), kind);
    }

    private String address(String[] division) {
        StringBuilder sb = new StringBuilder("福建省").append(division[1]).append('市').append(division[2]);
        sb.append(ROADS[random.nextInt(ROADS.length)]).append(1 + random.nextInt(300)).append('号');
        if (random.nextInt(100) < 60) {
            int at = random.nextInt(ESTATE_FIRST.length() / 2) * 2;
            sb.append(ESTATE_FIRST, at, at + 2).append(ESTATES[random.nextInt(ESTATES.length)])
              .append(1 + random.nextInt(20)).append('栋').append(1 + random.nextInt(30))
              .append(String.format("%02d", 1 + random.nextInt(4))).append('室');
        }
        return sb.toString();
    }

    private String phone(PublicSecurityPerson.Kind kind) {
        if (kind == PublicSecurityPerson.Kind.BAD_PHONE) {
            return "0591-" + (83000000 + random.nextInt(999999)); // a landline: not a mobile number
        }
        int roll = random.nextInt(100);
        if (roll < 10) {
            return "";
        }
        String number = "1" + "3456789".charAt(random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        if (roll < 20) {
            return "+86 " + number.substring(0, 3) + " " + number.substring(3, 7) + " " + number.substring(7);
        }
        if (roll < 28) {
            return number.substring(0, 3) + "-" + number.substring(3, 7) + "-" + number.substring(7);
        }
        return number;
    }

    /** The GB 11643-1999 check character of the first 17 digits. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }
}
