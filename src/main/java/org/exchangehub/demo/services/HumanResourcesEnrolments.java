package org.exchangehub.demo.services;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.exchangehub.standards.IdNumbers;
import org.exchangehub.standards.Uscc;

/**
 * The social-insurance enrolments the demo SOAP service serves: insured people with valid ID numbers, employers
 * with valid credit codes, the five insurance types and the department's own status codes, with a known share
 * of dirty rows (an invalid ID number, an unknown insurance type, an impossible start date, a negative base,
 * an employer code with a wrong check character).
 */
final class HumanResourcesEnrolments {

    /** An enrolment as the service holds it. */
    record Enrolment(String enrolmentId, String idNumber, String insuranceType, String employerUscc,
            String startDate, String status, BigDecimal monthlyBase, LocalDateTime updatedAt, boolean expectRejected) {
    }

    private static final String[] TYPES = {"110", "310", "210", "410", "510"};
    private static final String[] STATUS = {"01", "01", "01", "02", "03"};
    private static final String[] DIVISIONS = {"350102", "350103", "350203", "350206", "350502", "350802"};
    private static final LocalDateTime EPOCH = LocalDateTime.of(2026, 1, 10, 9, 0);

    private HumanResourcesEnrolments() {
    }

    static List<Enrolment> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> employers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            employers.add(uscc(random));
        }
        List<Enrolment> enrolments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            enrolments.add(enrolment(i, random, employers));
        }
        return enrolments;
    }

    private static Enrolment enrolment(int i, SplittableRandom random, List<String> employers) {
        String division = DIVISIONS[random.nextInt(DIVISIONS.length)];
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(random.nextInt(365 * 40));
        String first17 = division + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", random.nextInt(1000));
        String id = first17 + IdNumbers.checkChar(first17);
        String type = TYPES[random.nextInt(TYPES.length)];
        String employer = employers.get(random.nextInt(employers.size()));
        String start = birth.plusYears(18 + random.nextInt(20)).withDayOfMonth(1).toString();
        BigDecimal base = BigDecimal.valueOf(3000 + random.nextInt(25_000), 0).setScale(2);
        String status = STATUS[random.nextInt(STATUS.length)];
        boolean rejected = false;
        switch (i % 25) {
            case 4 -> {
                id = first17 + (id.charAt(17) == '0' ? '1' : '0');
                rejected = true;
            }
            case 9 -> {
                type = "999";
                rejected = true;
            }
            case 14 -> {
                start = "2023-02-30";
                rejected = true;
            }
            case 19 -> {
                base = new BigDecimal("-100.00");
                rejected = true;
            }
            case 22 -> {
                employer = employer.substring(0, 17) + (employer.charAt(17) == '0' ? '1' : '0');
                rejected = true;
            }
            default -> { }
        }
        return new Enrolment(String.format("CB%08d", i + 1), id, type, employer, start, status, base,
                EPOCH.plusMinutes(i * 11L), rejected);
    }

    private static String uscc(SplittableRandom random) {
        StringBuilder sb = new StringBuilder("9135").append(DIVISIONS[random.nextInt(DIVISIONS.length)].substring(2));
        while (sb.length() < 17) {
            sb.append(Uscc.CHARSET.charAt(random.nextInt(Uscc.CHARSET.length())));
        }
        return sb.append(Uscc.checkChar(sb)).toString();
    }
}
