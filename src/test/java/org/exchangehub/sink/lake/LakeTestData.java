package org.exchangehub.sink.lake;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldSpec;
import org.exchangehub.catalogue.FieldType;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.UnifiedRecord;

/** The spec's datasets built in code (independent of the catalogue loader) and batches of their records. */
final class LakeTestData {

    static final Instant EXTRACTED_AT = Instant.parse("2026-11-02T17:30:15.123456Z"); // 2026-11-03 in Shanghai

    static final Dataset PERSON = new Dataset("person", "Natural person basic information", List.of("id_number"),
            List.of(string("id_number", 18, true), string("name", 0, true), string("sex_code", 1, true),
                    date("birth_date", true), string("division_code", 6, false), text("address"),
                    string("phone", 11, false)));

    static final Dataset LEGAL_ENTITY = new Dataset("legal_entity", "Legal person basic information",
            List.of("uscc"),
            List.of(string("uscc", 18, true), string("name", 0, true), string("legal_rep_name", 0, false),
                    decimal("registered_capital_cny", 20, 2, false), date("established_date", false),
                    string("division_code", 6, false), string("status_code", 1, true)));

    static final Dataset SOCIAL_INSURANCE = new Dataset("social_insurance", "Social insurance enrolment",
            List.of("id_number", "insurance_type", "employer_uscc"),
            List.of(string("id_number", 18, true), string("insurance_type", 3, true),
                    string("employer_uscc", 18, false), date("start_date", true), string("status_code", 1, true),
                    decimal("monthly_base_cny", 12, 2, false)));

    private LakeTestData() {
    }

    static Object[][] legalEntities() {
        return new Object[][] {
            { "91350100M000100Y43", "福州市鼓楼区榕城茶叶有限公司", "林建华", new BigDecimal("5000000.00"),
                LocalDate.of(2015, 3, 18), "350102", "1" },
            { "91350200MA2XN5YP8K", "厦门海沧港务物流有限公司", null, null, null, "350205", "3" },
            { "91350100MA34C8GT1C", "福建闽江数据科技股份有限公司", "陈小梅", new BigDecimal("123456789012345678.99"),
                LocalDate.of(1998, 12, 31), null, "2" },
        };
    }

    static Batch legalEntityBatch(String runId, int index, Object[][] rows) {
        return batch(LEGAL_ENTITY, "market-regulation.enterprises", "market-regulation", runId, index, rows);
    }

    static Batch batch(Dataset dataset, String feedId, String source, String runId, int index, Object[][] rows) {
        List<UnifiedRecord> unified = Arrays.stream(rows).map(row -> record(dataset, row)).toList();
        Batch batch = new Batch(feedId, runId, index, EXTRACTED_AT, List.of());
        batch.mapped(dataset, source, unified, List.of(), 0);
        return batch;
    }

    /** Source key from the first field; record hash as the mapping computes it: SHA-256 of the values in order. */
    static UnifiedRecord record(Dataset dataset, Object[] values) {
        String joined = Arrays.stream(values).map(v -> Objects.toString(v, "")).collect(Collectors.joining("\u001f"));
        String key = dataset.businessKey().stream().map(f -> Objects.toString(values[dataset.indexOf(f)], ""))
                .collect(Collectors.joining("|"));
        return new UnifiedRecord("src-" + values[0], values, sha256(joined), key, 0);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FieldSpec string(String name, int length, boolean required) {
        return new FieldSpec(name, FieldType.STRING, length, 0, 0, required, false, null, null, Map.of(), name);
    }

    /** Free text, as the catalogue's address (rule {@code text}). */
    private static FieldSpec text(String name) {
        return new FieldSpec(name, FieldType.STRING, 0, 0, 0, false, false, "text", null, Map.of(), name);
    }

    /**
     * {@code n} person rows with addresses made of a few hundred road names, numbers and units, as a department's
     * register holds them (the same seed gives the same rows).
     */
    static Object[][] persons(int n) {
        java.util.Random random = new java.util.Random(20261207L);
        String[] districts = { "鼓楼区", "台江区", "仓山区", "晋安区", "马尾区", "长乐区" };
        String[] roads = { "五一北路", "八一七中路", "杨桥东路", "工业路", "福新中路", "六一北路", "温泉支路", "湖东路",
            "白马南路", "华林路", "古田路", "东街", "西二环北路", "二环路", "连江中路", "铜盘路" };
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            String address = "福建省福州市" + districts[random.nextInt(districts.length)]
                    + roads[random.nextInt(roads.length)] + (1 + random.nextInt(400)) + "号"
                    + (random.nextBoolean() ? (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(2500)) + "室"
                            : "");
            rows[i] = new Object[] { String.format("35010219%02d%02d%02d%04d", 50 + random.nextInt(50),
                    1 + random.nextInt(12), 1 + random.nextInt(28), i), "姓名" + random.nextInt(100_000),
                "1", LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                "350102", address, String.format("138%08d", random.nextInt(100_000_000)) };
        }
        return rows;
    }

    private static FieldSpec date(String name, boolean required) {
        return new FieldSpec(name, FieldType.DATE, 0, 0, 0, required, false, null, null, Map.of(), name);
    }

    private static FieldSpec decimal(String name, int precision, int scale, boolean required) {
        return new FieldSpec(name, FieldType.DECIMAL, 0, precision, scale, required, false, null, null, Map.of(),
                name);
    }
}
