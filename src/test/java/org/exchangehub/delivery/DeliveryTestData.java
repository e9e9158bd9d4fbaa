package org.exchangehub.delivery;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.UnifiedRecord;

/** Batches of unified records of the project's own catalogue, for the sink tests. */
public final class DeliveryTestData {

    public static final Catalogue CATALOGUE = CatalogueLoader.load(Path.of("config/catalogue"));
    public static final Dataset LEGAL_ENTITY = CATALOGUE.dataset("legal_entity");
    public static final Dataset SOCIAL_INSURANCE = CATALOGUE.dataset("social_insurance");
    public static final Instant EXTRACTED_AT = Instant.parse("2026-11-02T17:30:15.123456Z");

    private DeliveryTestData() {
    }

    /** Three enterprises: all fields, only required ones, and an 18-digit registered capital. */
    public static Object[][] legalEntities() {
        return new Object[][] {
            {"91350100M000100Y43", "福州市鼓楼区榕城茶叶有限公司", "林建华", new BigDecimal("5000000.00"),
                LocalDate.of(2015, 3, 18), "350102", "1"},
            {"91350200MA2XN5YP8K", "厦门海沧港务物流有限公司", null, null, null, "350205", "3"},
            {"91350100MA34C8GT1C", "福建闽江数据科技股份有限公司", "陈小梅", new BigDecimal("123456789012345678.99"),
                LocalDate.of(1998, 12, 31), null, "2"},
        };
    }

    public static Batch batch(Dataset dataset, String runId, int index, Object[][] rows) {
        List<UnifiedRecord> unified = Arrays.stream(rows).map(row -> record(dataset, row)).toList();
        Batch batch = new Batch("market-regulation.enterprises", runId, index, EXTRACTED_AT, List.of());
        batch.mapped(dataset, "market-regulation", unified, List.of(), 0);
        return batch;
    }

    /** Source key from the first field; record hash over the values in order, as the mapping computes it. */
    public static UnifiedRecord record(Dataset dataset, Object[] values) {
        String joined = Arrays.stream(values).map(v -> v == null ? "\u0000" : text(v))
                .collect(Collectors.joining("\u001f"));
        String key = dataset.businessKey().stream().map(f -> Objects.toString(values[dataset.indexOf(f)], ""))
                .collect(Collectors.joining("|"));
        return new UnifiedRecord("src-" + values[0], values, sha256(joined), key, 0);
    }

    private static String text(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : v.toString();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
