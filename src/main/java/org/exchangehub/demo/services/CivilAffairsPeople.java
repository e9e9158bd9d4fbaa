package org.exchangehub.demo.services;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.exchangehub.standards.IdNumbers;

/**
 * The civil-affairs population register the demo API serves: Fujian residents with valid GB 11643 numbers and
 * Chinese names, in the department's own spellings, with a known share of dirty rows (a wrong check character,
 * an impossible birth date, a blank name, an unknown sex code, a birth date that disagrees with the number, an
 * unusable phone number) and some legacy 15-digit numbers that the hub upgrades.
 */
final class CivilAffairsPeople {

    /** A person as the register holds it; null fields are sent as JSON null. */
    record Person(String recordId, String idNumber, String name, String sex, String birthDate, String division,
            String address, String phone, LocalDateTime updatedAt, boolean expectRejected) {
    }

    private static final String[][] DIVISIONS = {
        {"350102", "福州市鼓楼区"}, {"350103", "福州市台江区"}, {"350104", "福州市仓山区"}, {"350111", "福州市晋安区"},
        {"350203", "厦门市思明区"}, {"350206", "厦门市湖里区"}, {"350211", "厦门市集美区"}, {"350502", "泉州市鲤城区"},
        {"350602", "漳州市芗城区"}, {"350802", "龙岩市新罗区"},
    };
    private static final String SURNAMES = "陈林黄张李王吴刘蔡杨郑许谢洪郭邱曾廖赖周徐苏叶庄";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚文辉鹏华建国志海燕玲丹萍红峰斌婷雪琳晨宇浩俊鑫思雨欣佳子梓涵";
    private static final String[] STREETS = {"五四路", "八一七北路", "湖东路", "鹭江道", "中山路", "温泉路", "工业路"};
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 5, 8, 0);

    private CivilAffairsPeople() {
    }

    static List<Person> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> people = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            people.add(person(i, random));
        }
        return people;
    }

    private static Person person(int i, SplittableRandom random) {
        String[] division = DIVISIONS[random.nextInt(DIVISIONS.length)];
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
        boolean male = random.nextBoolean();
        int sequence = random.nextInt(100) * 10 + (male ? 1 + 2 * random.nextInt(5) : 2 * random.nextInt(5));
        String first17 = division[0] + birth.format(BASIC) + String.format("%03d", sequence % 1000);
        String id = first17 + IdNumbers.checkChar(first17);
        String name = SURNAMES.charAt(random.nextInt(SURNAMES.length())) + ""
                + GIVEN.charAt(random.nextInt(GIVEN.length()))
                + (random.nextBoolean() ? String.valueOf(GIVEN.charAt(random.nextInt(GIVEN.length()))) : "");
        String sex = male ? "男" : "女";
        String birthText = random.nextBoolean() ? birth.toString() : null;
        String phone = "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000));
        String address = division[1] + STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号";
        boolean rejected = false;
        switch (i % 20) {
            case 3 -> { // wrong check character
                char right = id.charAt(17);
                id = first17 + (right == '0' ? '1' : '0');
                rejected = true;
            }
            case 7 -> { // impossible birth date inside the number (Feb 30)
                String bad = division[0] + "19900230" + String.format("%03d", sequence % 1000);
                id = bad + IdNumbers.checkChar(bad);
                birthText = null;
                rejected = true;
            }
            case 11 -> { // blank name
                name = "  ";
                rejected = true;
            }
            case 13 -> { // a sex code the catalogue does not know
                sex = "X";
                rejected = true;
            }
            case 17 -> { // birth date that disagrees with the number
                birthText = birth.plusDays(1).toString();
                rejected = true;
            }
            case 5 -> phone = "0591-8888"; // not a mobile number: nulled with a warning
            case 9 -> { // legacy 15-digit number (1900s births only), upgraded by the hub
                if (birth.getYear() < 2000) {
                    id = division[0] + birth.format(BASIC).substring(2) + String.format("%03d", sequence % 1000);
                }
            }
            case 15 -> name = "  " + name + " "; // stray spaces: trimmed
            default -> { }
        }
        LocalDateTime updated = EPOCH.plusMinutes(i * 7L);
        return new Person(String.format("RK%08d", i + 1), id, name, sex, birthText, division[0], address, phone,
                updated, rejected);
    }
}
