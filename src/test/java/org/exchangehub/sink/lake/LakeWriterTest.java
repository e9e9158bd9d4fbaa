package org.exchangehub.sink.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.exchangehub.sink.lake.DuckDb.parquet;
import static org.exchangehub.sink.lake.LakeTestData.EXTRACTED_AT;
import static org.exchangehub.sink.lake.LakeTestData.LEGAL_ENTITY;
import static org.exchangehub.sink.lake.LakeTestData.PERSON;
import static org.exchangehub.sink.lake.LakeTestData.SOCIAL_INSURANCE;
import static org.exchangehub.sink.lake.LakeTestData.legalEntities;
import static org.exchangehub.sink.lake.LakeTestData.legalEntityBatch;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.exchangehub.feed.Batch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LakeWriterTest {

    @TempDir
    Path root;

    private DuckDb duck;

    @BeforeEach
    void openDuckDb() throws Exception {
        duck = new DuckDb();
    }

    @AfterEach
    void closeDuckDb() throws Exception {
        duck.close();
    }

    @Test
    void batchLandsInDatasetFolderPartitionedByShanghaiDateOfExtraction() throws Exception {
        LakeFile file = new LakeWriter(root).write(legalEntityBatch("r20261103a", 7, legalEntities())).orElseThrow();

        assertThat(file.path()).isEqualTo("legal_entity/dt=2026-11-03/part-r20261103a-00007.parquet");
        assertThat(root.resolve(file.path())).isRegularFile();
        assertThat(file.rows()).isEqualTo(3);
        assertThat(file.bytes()).isEqualTo(Files.size(root.resolve(file.path())));
    }

    @Test
    void lakeGlobReadsEveryBatchWithItsPartitionDate() throws Exception {
        LakeWriter writer = new LakeWriter(root);
        writer.write(legalEntityBatch("r1", 0, legalEntities()));
        writer.write(legalEntityBatch("r1", 1, new Object[][] { legalEntities()[0] }));

        List<Map<String, Object>> rows = duck.query("SELECT CAST(dt AS VARCHAR) AS dt, count(*) AS n FROM "
                + DuckDb.lake(root.resolve("legal_entity/*/*.parquet")) + " GROUP BY dt");

        assertThat(rows).containsExactly(Map.of("dt", "2026-11-03", "n", 4L));
    }

    @Test
    void partitionDateFollowsTheConfiguredZone() throws Exception {
        LakeWriter utc = new LakeWriter(root, LakeOptions.defaults().withZone(ZoneOffset.UTC));

        LakeFile file = utc.write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        assertThat(file.path()).isEqualTo("legal_entity/dt=2026-11-02/part-r1-00000.parquet");
    }

    @Test
    void duckDbSeesCatalogueTypesAndLineageColumns() throws Exception {
        LakeFile file = new LakeWriter(root).write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        Map<String, String> types = duck.describe("SELECT * FROM " + parquet(root.resolve(file.path())));

        assertThat(types).containsExactly(
                Map.entry("uscc", "VARCHAR"), Map.entry("name", "VARCHAR"), Map.entry("legal_rep_name", "VARCHAR"),
                Map.entry("registered_capital_cny", "DECIMAL(20,2)"), Map.entry("established_date", "DATE"),
                Map.entry("division_code", "VARCHAR"), Map.entry("status_code", "VARCHAR"),
                Map.entry("_dataset", "VARCHAR"), Map.entry("_source", "VARCHAR"),
                Map.entry("_source_key", "VARCHAR"), Map.entry("_run_id", "VARCHAR"),
                Map.entry("_extracted_at", "TIMESTAMP WITH TIME ZONE"), Map.entry("_record_hash", "BLOB"),
                Map.entry("_change_time", "TIMESTAMP"));
    }

    @Test
    void recordHashIsStoredAsTheDigestsThirtyTwoBytes() throws Exception {
        LakeFile file = new LakeWriter(root).write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        assertThat(duck.query("SELECT type, CAST(type_length AS VARCHAR) AS type_length FROM parquet_schema("
                + DuckDb.literal(root.resolve(file.path())) + ") WHERE name = '_record_hash'"))
                .containsExactly(Map.of("type", "FIXED_LEN_BYTE_ARRAY", "type_length", "32"));
    }

    @Test
    void recordHashBytesAreStoredUncompressedWithoutStatistics() throws Exception {
        LakeFile file = new LakeWriter(root).write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        List<Map<String, Object>> columns = duck.query("SELECT path_in_schema AS col, compression,"
                + " stats_min_value IS NULL AND stats_max_value IS NULL AS no_stats FROM parquet_metadata("
                + DuckDb.literal(root.resolve(file.path())) + ") WHERE path_in_schema IN ('_record_hash', 'name')"
                + " ORDER BY col");

        assertThat(columns).containsExactly(
                Map.of("col", "_record_hash", "compression", "UNCOMPRESSED", "no_stats", true),
                Map.of("col", "name", "compression", "ZSTD", "no_stats", false));
    }

    @Test
    void textCompressionLevelAppliesToTheFreeTextColumnsAlone() throws Exception {
        Batch batch = LakeTestData.batch(PERSON, "public-security.persons", "public-security", "r1", 0,
                LakeTestData.persons(5_000));
        Path fast = root.resolve("level-1");
        Path strong = root.resolve("level-19");
        LakeFile one = new LakeWriter(fast, LakeOptions.defaults().withTextLevel(1)).write(batch).orElseThrow();
        LakeFile nineteen = new LakeWriter(strong, LakeOptions.defaults().withTextLevel(19)).write(batch)
                .orElseThrow();

        Map<String, Long> atOne = columnBytes(fast.resolve(one.path()));
        Map<String, Long> atNineteen = columnBytes(strong.resolve(nineteen.path()));

        assertThat(atNineteen.get("address")).isLessThan(atOne.get("address"));
        assertThat(atNineteen).as("the columns that are not free text keep ZSTD's default level")
                .containsAllEntriesOf(Map.of("id_number", atOne.get("id_number"), "name", atOne.get("name"),
                        "phone", atOne.get("phone")));
    }

    private Map<String, Long> columnBytes(Path file) throws Exception {
        Map<String, Long> bytes = new java.util.HashMap<>();
        for (Map<String, Object> row : duck.query("SELECT path_in_schema AS col, total_compressed_size AS n FROM "
                + "parquet_metadata(" + DuckDb.literal(file) + ")")) {
            bytes.merge((String) row.get("col"), ((Number) row.get("n")).longValue(), Long::sum);
        }
        return bytes;
    }

    @Test
    void hexRecordHashKeepsTheSixtyFourCharacterString() throws Exception {
        Batch batch = legalEntityBatch("r1", 0, legalEntities());
        LakeWriter writer = new LakeWriter(root, LakeOptions.defaults().withRecordHash(RecordHashFormat.HEX));
        LakeFile file = writer.write(batch).orElseThrow();

        assertThat(duck.query("SELECT _record_hash, typeof(_record_hash) AS t FROM "
                + parquet(root.resolve(file.path())) + " ORDER BY _source_key").get(0))
                .containsEntry("_record_hash", batch.unified().get(0).recordHash())
                .containsEntry("t", "VARCHAR");
    }

    @Test
    void lakeRowsGiveTheRecordHashBackAsItsHexString() throws Exception {
        Batch batch = legalEntityBatch("r1", 0, legalEntities());
        LakeFile file = new LakeWriter(root).write(batch).orElseThrow();
        List<Object> hashes = new java.util.ArrayList<>();

        LakeRows.read(root.resolve(file.path()), row -> hashes.add(row.get("_record_hash")));

        assertThat(hashes).containsExactlyInAnyOrderElementsOf(
                batch.unified().stream().map(r -> (Object) r.recordHash()).toList());
    }

    @Test
    void smallDecimalIsInt64AndRequirednessFollowsTheCatalogue() {
        LakeWriter writer = new LakeWriter(root);

        assertThat(writer.schema(SOCIAL_INSURANCE).getType("monthly_base_cny").toString())
                .isEqualTo("optional int64 monthly_base_cny (DECIMAL(12,2))");
        assertThat(writer.schema(LEGAL_ENTITY).getType("registered_capital_cny").toString())
                .isEqualTo("optional fixed_len_byte_array(9) registered_capital_cny (DECIMAL(20,2))");
        assertThat(writer.schema(PERSON).getType("birth_date").toString())
                .isEqualTo("required int32 birth_date (DATE)");
        assertThat(writer.schema(PERSON).getType("_extracted_at").toString())
                .isEqualTo("required int64 _extracted_at (TIMESTAMP(MICROS,true))");
    }

    @Test
    void valuesRoundTripIncludingChineseTextDecimalsDatesAndNulls() throws Exception {
        LakeFile file = new LakeWriter(root).write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        List<Map<String, Object>> rows = duck.query("SELECT uscc, name, legal_rep_name, registered_capital_cny, "
                + "CAST(established_date AS VARCHAR) AS established_date, division_code, status_code FROM "
                + parquet(root.resolve(file.path())) + " ORDER BY uscc");

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).containsEntry("uscc", "91350100M000100Y43")
                .containsEntry("name", "福州市鼓楼区榕城茶叶有限公司").containsEntry("legal_rep_name", "林建华")
                .containsEntry("registered_capital_cny", new BigDecimal("5000000.00"))
                .containsEntry("established_date", "2015-03-18").containsEntry("division_code", "350102");
        assertThat(rows.get(1)).containsEntry("name", "福建闽江数据科技股份有限公司")
                .containsEntry("registered_capital_cny", new BigDecimal("123456789012345678.99"))
                .containsEntry("established_date", "1998-12-31").containsEntry("division_code", null);
        assertThat(rows.get(2)).containsEntry("legal_rep_name", null).containsEntry("registered_capital_cny", null)
                .containsEntry("established_date", null).containsEntry("status_code", "3");
    }

    @Test
    void negativeAndExtremeDecimalsSurviveBothEncodings() throws Exception {
        Object[][] rows = {
            { "91350100M000100Y43", "甲", null, new BigDecimal("-999999999999999999.99"), null, null, "1" },
            { "91350100M000100Y44", "乙", null, new BigDecimal("999999999999999999.99"), null, null, "1" },
            { "91350100M000100Y45", "丙", null, new BigDecimal("-0.01"), null, null, "1" },
            { "91350100M000100Y46", "丁", null, new BigDecimal("12"), null, null, "1" },
        };
        LakeFile file = new LakeWriter(root).write(legalEntityBatch("r1", 0, rows)).orElseThrow();

        List<Map<String, Object>> read = duck.query("SELECT registered_capital_cny AS v FROM "
                + parquet(root.resolve(file.path())) + " ORDER BY uscc");

        assertThat(read).extracting(r -> r.get("v")).containsExactly(new BigDecimal("-999999999999999999.99"),
                new BigDecimal("999999999999999999.99"), new BigDecimal("-0.01"), new BigDecimal("12.00"));
    }

    @Test
    void int64DecimalsAndRequiredDatesRoundTrip() throws Exception {
        Object[][] rows = {
            { "350102199003071234", "110", "91350100M000100Y43", LocalDate.of(2012, 7, 1), "1",
                new BigDecimal("8523.50") },
            { "35010219900307123X", "310", null, LocalDate.of(1970, 1, 1), "2", new BigDecimal("-1.25") },
        };
        Batch batch = LakeTestData.batch(SOCIAL_INSURANCE, "hrss.enrolments", "human-resources", "r1", 0, rows);
        LakeFile file = new LakeWriter(root).write(batch).orElseThrow();

        List<Map<String, Object>> read = duck.query("SELECT insurance_type, employer_uscc, "
                + "CAST(start_date AS VARCHAR) AS d, monthly_base_cny AS base, typeof(monthly_base_cny) AS t FROM "
                + parquet(root.resolve(file.path())) + " ORDER BY insurance_type");

        assertThat(read.get(0)).containsEntry("d", "2012-07-01").containsEntry("base", new BigDecimal("8523.50"))
                .containsEntry("t", "DECIMAL(12,2)");
        assertThat(read.get(1)).containsEntry("employer_uscc", null).containsEntry("d", "1970-01-01")
                .containsEntry("base", new BigDecimal("-1.25"));
    }

    @Test
    void lineageFieldsCarryTheBatchAndTheRecord() throws Exception {
        Batch batch = legalEntityBatch("r20261103a", 0, legalEntities());
        LakeFile file = new LakeWriter(root).write(batch).orElseThrow();

        List<Map<String, Object>> rows = duck.query("SELECT _dataset, _source, _source_key, _run_id, "
                + "epoch_us(_extracted_at) AS micros, lower(hex(_record_hash)) AS _record_hash FROM "
                + parquet(root.resolve(file.path()))
                + " ORDER BY _source_key");

        assertThat(rows.get(0)).containsEntry("_dataset", "legal_entity")
                .containsEntry("_source", "market-regulation")
                .containsEntry("_source_key", "src-91350100M000100Y43")
                .containsEntry("_run_id", "r20261103a")
                .containsEntry("micros", EXTRACTED_AT.getEpochSecond() * 1_000_000 + 123_456)
                .containsEntry("_record_hash", batch.unified().get(0).recordHash());
    }

    @Test
    void emptyBatchWritesNoDataFileButTheRunHasAReceipt() throws Exception {
        LakeWriter writer = new LakeWriter(root);

        assertThat(writer.write(legalEntityBatch("r1", 0, new Object[0][]))).isEmpty();

        assertThat(root.resolve("legal_entity")).satisfies(dir -> assertThat(parquetFiles(dir)).isEmpty());
        assertThat(writer.receipt("legal_entity", "r1")).hasValueSatisfying(r -> {
            assertThat(r.files()).isEmpty();
            assertThat(r.totalRows()).isZero();
        });
    }

    @Test
    void retriedBatchReplacesItsFile() throws Exception {
        LakeWriter writer = new LakeWriter(root);
        LakeFile first = writer.write(legalEntityBatch("r1", 3, legalEntities())).orElseThrow();

        Object[][] fewer = { legalEntities()[0] };
        LakeFile retry = writer.write(legalEntityBatch("r1", 3, fewer)).orElseThrow();

        assertThat(retry.path()).isEqualTo(first.path());
        assertThat(retry.sha256()).isNotEqualTo(first.sha256());
        assertThat(parquetFiles(root)).containsExactly(root.resolve(first.path()));
        assertThat(duck.query("SELECT count(*) AS n FROM " + parquet(root.resolve(retry.path()))))
                .containsExactly(Map.of("n", 1L));
        assertThat(writer.receipt("legal_entity", "r1").orElseThrow().files()).containsExactly(retry);
    }

    @Test
    void receiptListsEveryFileOfTheRunWithItsSha256() throws Exception {
        LakeWriter writer = new LakeWriter(root);
        LakeFile a = writer.write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();
        LakeFile b = writer.write(legalEntityBatch("r1", 1, new Object[][] { legalEntities()[1] })).orElseThrow();
        writer.write(legalEntityBatch("r2", 0, legalEntities())); // another run, another receipt

        Path receiptFile = root.resolve("legal_entity/_receipts/r1.json");
        LakeReceipt receipt = ReceiptBook.read(receiptFile);

        assertThat(receipt.feed()).isEqualTo("market-regulation.enterprises");
        assertThat(receipt.runId()).isEqualTo("r1");
        assertThat(receipt.dataset()).isEqualTo("legal_entity");
        assertThat(receipt.files()).containsExactly(a, b);
        assertThat(receipt.totalRows()).isEqualTo(4);
        for (LakeFile f : receipt.files()) {
            assertThat(f.sha256()).isEqualTo(sha256Of(root.resolve(f.path())));
            assertThat(f.bytes()).isEqualTo(Files.size(root.resolve(f.path())));
        }
        assertThat(Files.list(receiptFile.getParent())).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("r1.json", "r2.json");
    }

    @Test
    void receiptSurvivesARestartOfTheHub() throws Exception {
        LakeFile a = new LakeWriter(root).write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        LakeWriter restarted = new LakeWriter(root);
        LakeFile b = restarted.write(legalEntityBatch("r1", 1, legalEntities())).orElseThrow();

        assertThat(restarted.receipt("legal_entity", "r1").orElseThrow().files()).containsExactly(a, b);
    }

    @Test
    void recordThatDoesNotFitLeavesNeitherTempNorFinalFile() throws Exception {
        Object[][] rows = { legalEntities()[0], { "91350100M000100Y44", null, null, null, null, null, "1" } };
        LakeWriter writer = new LakeWriter(root);

        assertThatThrownBy(() -> writer.write(legalEntityBatch("r1", 0, rows)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset legal_entity, row 1, field name: required field is null");

        assertThat(allFiles(root)).isEmpty();
    }

    @Test
    void decimalTooLargeForItsPrecisionFailsWithoutNamingTheValue() throws Exception {
        Object[][] rows = { { "91350100M000100Y43", "甲", null, new BigDecimal("1000000000000000000.00"), null,
            null, "1" } };

        assertThatThrownBy(() -> new LakeWriter(root).write(legalEntityBatch("r1", 0, rows)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("dataset legal_entity, row 0, field registered_capital_cny: value exceeds decimal(20,2)");
        assertThat(allFiles(root)).isEmpty();
    }

    @Test
    void unwritableLakeFolderFailsAndLeavesNoFile() throws Exception {
        Path notADirectory = Files.writeString(root.resolve("lake"), "a regular file where the lake should be");
        LakeWriter writer = new LakeWriter(notADirectory.resolve("inner"));

        assertThatThrownBy(() -> writer.write(legalEntityBatch("r1", 0, legalEntities())))
                .isInstanceOf(IOException.class);

        assertThat(allFiles(root)).containsExactly(notADirectory);
    }

    @Test
    void tempFileLeftByACrashIsOverwrittenAndRemovedByTheRetry() throws Exception {
        Path dir = Files.createDirectories(root.resolve("legal_entity/dt=2026-11-03"));
        Files.writeString(dir.resolve(".part-r1-00000.parquet.tmp"), "half a file from a killed hub");

        LakeFile file = new LakeWriter(root).write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        assertThat(allFiles(dir)).containsExactly(root.resolve(file.path()));
        assertThat(duck.query("SELECT count(*) AS n FROM " + parquet(root.resolve(file.path()))))
                .containsExactly(Map.of("n", 3L));
    }

    @Test
    void runIdThatWouldEscapeTheLakeIsRefused() {
        assertThatThrownBy(() -> new LakeWriter(root).write(legalEntityBatch("../etc", 0, legalEntities())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runId '../etc' cannot name a lake path");
    }

    @ParameterizedTest
    @EnumSource(LakeCompression.class)
    void everyAllowedCodecIsWrittenAndReadable(LakeCompression codec) throws Exception {
        LakeWriter writer = new LakeWriter(root, LakeOptions.defaults().withCompression(codec));
        LakeFile file = writer.write(legalEntityBatch("r1", 0, legalEntities())).orElseThrow();

        List<Map<String, Object>> meta = duck.query("SELECT DISTINCT compression FROM parquet_metadata("
                + DuckDb.literal(root.resolve(file.path())) + ") WHERE path_in_schema <> '_record_hash'");

        assertThat(meta).extracting(m -> m.get("compression")).containsExactly(codec.name());
        assertThat(duck.query("SELECT count(*) AS n FROM " + parquet(root.resolve(file.path()))))
                .containsExactly(Map.of("n", 3L));
    }

    @Test
    void smallRowGroupSizeSplitsAFileIntoSeveralRowGroups() throws Exception {
        Object[][] rows = new Object[5000][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = new Object[] { String.format("91350100M%09d", i), "企业" + i, "法人" + i,
                new BigDecimal(i).movePointLeft(2), LocalDate.of(2000, 1, 1).plusDays(i), "350102", "1" };
        }
        LakeWriter writer = new LakeWriter(root, LakeOptions.defaults().withRowGroupSize(16 * 1024));
        LakeFile file = writer.write(legalEntityBatch("r1", 0, rows)).orElseThrow();

        List<Map<String, Object>> groups = duck.query("SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata("
                + DuckDb.literal(root.resolve(file.path())) + ")");

        assertThat((Long) groups.get(0).get("n")).isGreaterThan(1L);
        assertThat(duck.query("SELECT count(*) AS n FROM " + parquet(root.resolve(file.path()))))
                .containsExactly(Map.of("n", 5000L));
    }

    @Test
    void schemaIsRebuiltWhenTheCatalogueHandsOverANewDataset() {
        LakeWriter writer = new LakeWriter(root);
        assertThat(writer.schema(PERSON)).isSameAs(writer.schema(PERSON));

        org.exchangehub.catalogue.Dataset reloaded = new org.exchangehub.catalogue.Dataset("person", "reloaded",
                PERSON.businessKey(), PERSON.fields().subList(0, 4));

        assertThat(writer.schema(reloaded).getFieldCount()).isEqualTo(4 + 7);
    }

    private static List<Path> parquetFiles(Path dir) throws IOException {
        return allFiles(dir).stream().filter(p -> p.getFileName().toString().endsWith(".parquet")).toList();
    }

    private static List<Path> allFiles(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256Of(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
