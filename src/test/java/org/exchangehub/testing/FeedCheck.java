package org.exchangehub.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.DivisionCodes;
import org.exchangehub.feed.SourceRecord;
import org.exchangehub.kit.CsvRecords;
import org.exchangehub.mapping.MappedBatch;
import org.exchangehub.mapping.Mapping;
import org.exchangehub.mapping.MappingLoader;
import org.exchangehub.mapping.ReasonCode;
import org.exchangehub.mapping.RecordMapper;
import org.exchangehub.mapping.Rejection;
import org.exchangehub.mapping.UnifiedRecord;
import org.exchangehub.mapping.Violation;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A feed test in a few lines: "this fixture in → these unified records and these rejects out", through the feed's
 * real mapping file and the project's catalogue, without starting the hub.
 *
 * <pre>{@code
 * FeedCheck.mapping("market-regulation-enterprises")
 *     .csv("""
 *         ID,TYSHXYDM,QYMC,DJZT
 *         1,91350100M00010002X,福州示例有限公司,01
 *         2,91350100M000100022,福州错码有限公司,01
 *         """, "ID")
 *     .expectRecord("1", Map.of("uscc", "91350100M00010002X", "status_code", "1"))
 *     .expectReject("2", ReasonCode.INVALID_USCC)
 *     .verify();
 * }</pre>
 * Only the records and rejects named are expected: {@link #verify()} fails on any other record or reject.
 */
public final class FeedCheck {

    private final RecordMapper mapper;
    private final List<SourceRecord> fixture = new ArrayList<>();
    private final Map<String, Map<String, String>> records = new LinkedHashMap<>();
    private final Map<String, List<ReasonCode>> rejects = new LinkedHashMap<>();

    private FeedCheck(RecordMapper mapper) {
        this.mapper = mapper;
    }

    /** The project's mapping {@code config/mappings/<name>.yaml} with the project's catalogue and division codes. */
    public static FeedCheck mapping(String name) {
        return mapping(Path.of("config"), name);
    }

    /** A mapping of another config folder (holding catalogue/, mappings/ and codes/). */
    public static FeedCheck mapping(Path configDir, String name) {
        Catalogue catalogue = CatalogueLoader.load(configDir.resolve("catalogue"));
        DivisionCodes divisions = DivisionCodes.loadIfPresent(configDir.resolve("codes").resolve("divisions.csv"));
        Mapping mapping = MappingLoader.load(configDir.resolve("mappings").resolve(name + ".yaml"), catalogue, divisions);
        return new FeedCheck(new RecordMapper(mapping, Clock.systemDefaultZone()));
    }

    /** Fixture rows as CSV text with a header of the source's column names; {@code keyColumn} gives the source key. */
    public FeedCheck csv(String text, String keyColumn) {
        fixture.addAll(CsvRecords.parse("fixture", text.stripIndent(), keyColumn));
        return this;
    }

    /** Fixture rows as records (for sources that give typed values). */
    public FeedCheck records(SourceRecord... rows) {
        fixture.addAll(Arrays.asList(rows));
        return this;
    }

    /** Expects a unified record for this source key with these field values (as text; other fields not checked). */
    public FeedCheck expectRecord(String sourceKey, Map<String, String> fields) {
        records.put(sourceKey, fields);
        return this;
    }

    /** Expects a reject for this source key with exactly these reason codes (any order). */
    public FeedCheck expectReject(String sourceKey, ReasonCode... reasons) {
        rejects.put(sourceKey, List.of(reasons));
        return this;
    }

    /** Maps the fixture and checks it against the expectations; returns the result for further assertions. */
    public MappedBatch verify() {
        MappedBatch result = mapper.mapAll(fixture);
        Dataset dataset = mapper.dataset();
        Map<String, UnifiedRecord> byKey = new LinkedHashMap<>();
        result.records().forEach(r -> byKey.put(r.sourceKey(), r));
        Map<String, List<ReasonCode>> rejected = new LinkedHashMap<>();
        for (Rejection r : result.rejections()) {
            rejected.put(r.sourceKey(), r.violations().stream().map(Violation::reason).toList());
        }
        assertThat(byKey.keySet()).as("source keys of the unified records").containsExactlyInAnyOrderElementsOf(records.keySet());
        assertThat(rejected.keySet()).as("source keys of the rejects").containsExactlyInAnyOrderElementsOf(rejects.keySet());
        records.forEach((key, fields) -> fields.forEach((field, expected) -> {
            int i = dataset.indexOf(field);
            assertThat(i).as("field " + field + " of dataset " + dataset.name()).isGreaterThanOrEqualTo(0);
            Object actual = byKey.get(key).values()[i];
            assertThat(actual == null ? null : actual.toString()).as(field + " of record " + key).isEqualTo(expected);
        }));
        rejects.forEach((key, reasons) -> assertThat(rejected.get(key)).as("reasons of reject " + key)
                .containsExactlyInAnyOrderElementsOf(reasons));
        return result;
    }
}
