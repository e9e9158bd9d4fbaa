package org.exchangehub.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * Makes the rows of the simulated market-regulation register: realistic Fujian enterprises with valid credit
 * codes, plus a share of dirty rows of known kinds. A row is a pure function of (seed, id), so the same seed
 * always gives the same rows, any row can be regenerated without storing it, and a million rows stream in
 * constant memory. Credit codes of different ids never collide, so valid rows have distinct business keys.
 */
public final class EnterpriseGenerator {

    /** Share of rows the hub must reject, spread evenly over the dirty {@link RowKind}s. */
    public static final double DEFAULT_DIRTY_SHARE = 0.05;
    /** Share of rows with full-width text ({@link RowKind#FULL_WIDTH}), on top of the dirty share. */
    public static final double FULL_WIDTH_SHARE = 0.01;

    private static final RowKind[] DIRTY_KINDS = dirtyKinds();
    private static final int FIRST_DAY = (int) LocalDate.of(1990, 1, 1).toEpochDay();
    private static final int DAYS = (int) (LocalDate.of(2025, 12, 31).toEpochDay() - FIRST_DAY + 1);
    private static final int FIRST_FUTURE_YEAR = 2050;
    private static final int[] ROUND_CAPITALS = {10, 20, 30, 50, 100, 200, 300, 500, 800, 1000, 1200, 2000, 3000,
        5000, 10000, 20000};
    private static final String[] STATUS_CODES = {"01", "02", "03", "04"};
    private static final String[] UNKNOWN_STATUSES = {"99", "98"};
    private static final String FORBIDDEN_LETTERS = "IOSVZ";
    private static final String[] BLANKS = {null, "", "   "};

    // Credit codes come from affine permutations of the id (multiplier coprime to the modulus), so distinct ids
    // give distinct codes: 31^6 "MA" codes for enterprises registered since 2016, 10^8 numeric ones before.
    private static final long NEW_CODES = 31L * 31 * 31 * 31 * 31 * 31;
    private static final long OLD_CODES = 100_000_000L;
    private static final long NEW_MULTIPLIER = 387_420_489L;
    private static final long OLD_MULTIPLIER = 43_046_721L;

    private final long seed;
    private final double dirtyShare;
    private final long newOffset;
    private final long oldOffset;

    /** A generator with the default dirty share of 5%. */
    public EnterpriseGenerator(long seed) {
        this(seed, DEFAULT_DIRTY_SHARE);
    }

    /** A generator whose rows are dirty with probability {@code dirtyShare} (0 gives only deliverable rows). */
    public EnterpriseGenerator(long seed, double dirtyShare) {
        if (!(dirtyShare >= 0 && dirtyShare <= 1 - FULL_WIDTH_SHARE)) {
            throw new IllegalArgumentException("dirtyShare must be between 0 and " + (1 - FULL_WIDTH_SHARE)
                    + ", was " + dirtyShare);
        }
        this.seed = seed;
        this.dirtyShare = dirtyShare;
        this.newOffset = Math.floorMod(mix(seed ^ 0x5DEECE66DL), NEW_CODES);
        this.oldOffset = Math.floorMod(mix(seed + 0x2545F4914F6CDD1DL), OLD_CODES);
    }

    public long seed() {
        return seed;
    }

    public double dirtyShare() {
        return dirtyShare;
    }

    /** The row with this id (1 or more; ids below 887,503,681 have distinct credit codes). */
    public EnterpriseRow row(long id) {
        if (id < 1) {
            throw new IllegalArgumentException("id must be positive, was " + id);
        }
        SplittableRandom random = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + id));
        RowKind kind = kind(random);
        String[] division = Vocabulary.DIVISIONS[random.nextInt(Vocabulary.DIVISIONS.length)];
        LocalDate established = LocalDate.ofEpochDay(FIRST_DAY + random.nextInt(DAYS));
        boolean fullWidthName = kind == RowKind.FULL_WIDTH && random.nextBoolean();
        boolean fullWidthCapital = kind == RowKind.FULL_WIDTH && !fullWidthName;

        String uscc = uscc(id, division[0], established.getYear() >= 2016);
        StringBuilder name = new StringBuilder(32);
        Vocabulary.companyName(random, division, fullWidthName, name);
        String qymc = name.toString();
        String fddbr = Vocabulary.personName(random);
        String zczb = fullWidthCapital ? fullWidthDigits(randomCapitalTenths(random) / 10)
                : capital(random, randomCapitalTenths(random), kind != RowKind.CAPITAL_NEGATIVE);
        boolean iso = random.nextInt(100) < 15;
        String clrq = date(established.getYear(), established.getMonthValue(), established.getDayOfMonth(), iso);
        String xzqh = random.nextInt(100) < 85 ? division[0] : random.nextBoolean() ? "" : null;
        String djzt = status(random);

        switch (kind) {
            case USCC_WRONG_CHECK_CHAR -> uscc = withWrongCheckChar(random, uscc);
            case USCC_FORBIDDEN_LETTER -> uscc = withForbiddenLetter(random, uscc);
            case USCC_WRONG_LENGTH -> uscc = withWrongLength(random, uscc);
            case USCC_BLANK -> uscc = BLANKS[random.nextInt(BLANKS.length)];
            case NAME_BLANK -> qymc = BLANKS[random.nextInt(BLANKS.length)];
            case STATUS_UNKNOWN -> djzt = UNKNOWN_STATUSES[random.nextInt(UNKNOWN_STATUSES.length)];
            case DATE_IMPOSSIBLE -> clrq = impossibleDate(random, established.getYear(), iso);
            case DATE_FUTURE -> clrq = date(FIRST_FUTURE_YEAR + random.nextInt(50), established.getMonthValue(),
                    Math.min(established.getDayOfMonth(), 28), iso);
            case CAPITAL_NEGATIVE -> zczb = "-" + zczb.strip();
            default -> { }
        }
        return new EnterpriseRow(id, uscc, qymc, fddbr, zczb, clrq, xzqh, djzt, kind);
    }

    /** Rows {@code firstId .. firstId + count - 1}, made lazily one at a time. */
    public Stream<EnterpriseRow> rows(long firstId, long count) {
        return LongStream.range(firstId, firstId + count).mapToObj(this::row);
    }

    /** A new clean registered capital, as the department would type it, for updates of existing rows. */
    String capitalUpdate(SplittableRandom random) {
        return capital(random, randomCapitalTenths(random), false);
    }

    /** A status code from the department's code table ({@code 01}–{@code 04}). */
    static String statusCode(int index) {
        return STATUS_CODES[index];
    }

    /** The GB/T 2260 division codes that appear in generated credit codes. */
    public static List<String> divisionCodes() {
        List<String> codes = new ArrayList<>(Vocabulary.DIVISIONS.length);
        for (String[] division : Vocabulary.DIVISIONS) {
            codes.add(division[0]);
        }
        return Collections.unmodifiableList(codes);
    }

    /** The GB 32100-2015 check character of a credit code's first 17 characters. */
    public static char usccCheckChar(CharSequence first17) {
        return CheckCharacters.uscc(first17);
    }

    private RowKind kind(SplittableRandom random) {
        double u = random.nextDouble();
        if (u < dirtyShare) {
            return DIRTY_KINDS[random.nextInt(DIRTY_KINDS.length)];
        }
        return u < dirtyShare + FULL_WIDTH_SHARE ? RowKind.FULL_WIDTH : RowKind.CLEAN;
    }

    private String uscc(long id, String division, boolean newStyle) {
        char[] code = new char[18];
        code[0] = '9';
        code[1] = '1';
        division.getChars(0, 6, code, 2);
        if (newStyle) {
            long x = ((id % NEW_CODES) * NEW_MULTIPLIER + newOffset) % NEW_CODES;
            code[8] = 'M';
            code[9] = 'A';
            for (int i = 15; i >= 10; i--) {
                code[i] = CheckCharacters.USCC_CHARS.charAt((int) (x % 31));
                x /= 31;
            }
        } else {
            long x = ((id % OLD_CODES) * OLD_MULTIPLIER + oldOffset) % OLD_CODES;
            for (int i = 15; i >= 8; i--) {
                code[i] = (char) ('0' + x % 10);
                x /= 10;
            }
        }
        code[16] = CheckCharacters.organisation(new String(code, 8, 8));
        code[17] = CheckCharacters.uscc(new String(code, 0, 17));
        return new String(code);
    }

    private static String withWrongCheckChar(SplittableRandom random, String uscc) {
        int right = CheckCharacters.USCC_CHARS.indexOf(uscc.charAt(17));
        char wrong = CheckCharacters.USCC_CHARS.charAt((right + 1 + random.nextInt(30)) % 31);
        return uscc.substring(0, 17) + wrong;
    }

    private static String withForbiddenLetter(SplittableRandom random, String uscc) {
        char[] code = uscc.toCharArray();
        code[8 + random.nextInt(9)] = FORBIDDEN_LETTERS.charAt(random.nextInt(FORBIDDEN_LETTERS.length()));
        return new String(code);
    }

    /** A code missing its check character, or a legacy 15-digit registration number in the credit-code column. */
    private static String withWrongLength(SplittableRandom random, String uscc) {
        if (random.nextBoolean()) {
            return uscc.substring(0, 17);
        }
        StringBuilder number = new StringBuilder(15).append(uscc, 2, 8);
        for (int i = 0; i < 9; i++) {
            number.append((char) ('0' + random.nextInt(10)));
        }
        return number.toString();
    }

    private static long randomCapitalTenths(SplittableRandom random) {
        return random.nextInt(100) < 80
                ? ROUND_CAPITALS[random.nextInt(ROUND_CAPITALS.length)] * 10L
                : 10 + random.nextInt(500_000);
    }

    /** Capital in 万元 as clerks typed it: "500", "1,200.5", "300万", "50万元", " 80 ", or empty. */
    private static String capital(SplittableRandom random, long tenths, boolean mayBeEmpty) {
        int style = random.nextInt(100);
        if (style >= 95 && mayBeEmpty) {
            return random.nextBoolean() ? null : "";
        }
        StringBuilder out = new StringBuilder(16);
        if (style >= 90) {
            out.append(' ');
        }
        long units = tenths / 10;
        if (style >= 60 && style < 75 && units >= 1000) {
            grouped(units, out);
        } else {
            out.append(units);
        }
        if (tenths % 10 != 0) {
            out.append('.').append(tenths % 10);
        }
        if (style >= 75 && style < 85) {
            out.append('万');
        } else if (style >= 85 && style < 90) {
            out.append("万元");
        } else if (style >= 90) {
            out.append(' ');
        }
        return out.toString();
    }

    private static void grouped(long units, StringBuilder out) {
        String digits = Long.toString(units);
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
    }

    private static String fullWidthDigits(long units) {
        String digits = Long.toString(units);
        char[] wide = new char[digits.length()];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = (char) (digits.charAt(i) - '0' + '０');
        }
        return new String(wide);
    }

    private static String status(SplittableRandom random) {
        int roll = random.nextInt(1000);
        boolean word = random.nextInt(100) < 5;
        if (roll < 750) {
            return word ? (random.nextBoolean() ? "存续" : "在业") : "01";
        }
        if (roll < 830) {
            return word ? "吊销" : "02";
        }
        if (roll < 970) {
            return word ? "注销" : "03";
        }
        return "04";
    }

    /** A date that is not on the calendar: 30 Feb, 29 Feb of a common year, 31 Apr/Jun/Sep/Nov, month 13, day 0. */
    private static String impossibleDate(SplittableRandom random, int year, boolean iso) {
        return switch (random.nextInt(6)) {
            case 0 -> date(year, 2, 30, iso);
            case 1 -> date(year % 4 == 0 ? year + 1 : year, 2, 29, iso);
            case 2 -> date(year, 4 + 2 * random.nextInt(2), 31, iso);
            case 3 -> date(year, 9 + 2 * random.nextInt(2), 31, iso);
            case 4 -> date(year, 13, 1 + random.nextInt(28), iso);
            default -> date(year, 1 + random.nextInt(12), 0, iso);
        };
    }

    private static String date(int year, int month, int day, boolean iso) {
        char[] out = new char[iso ? 10 : 8];
        int i = 0;
        out[i++] = (char) ('0' + year / 1000);
        out[i++] = (char) ('0' + year / 100 % 10);
        out[i++] = (char) ('0' + year / 10 % 10);
        out[i++] = (char) ('0' + year % 10);
        if (iso) {
            out[i++] = '-';
        }
        out[i++] = (char) ('0' + month / 10);
        out[i++] = (char) ('0' + month % 10);
        if (iso) {
            out[i++] = '-';
        }
        out[i++] = (char) ('0' + day / 10);
        out[i] = (char) ('0' + day % 10);
        return new String(out);
    }

    private static RowKind[] dirtyKinds() {
        List<RowKind> kinds = new ArrayList<>();
        for (RowKind kind : RowKind.values()) {
            if (kind.dirty()) {
                kinds.add(kind);
            }
        }
        return kinds.toArray(new RowKind[0]);
    }

    /** Stafford's mix13 finaliser: spreads nearby seeds and ids over the whole 64-bit space. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
