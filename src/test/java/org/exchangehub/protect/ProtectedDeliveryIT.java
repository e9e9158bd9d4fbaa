package org.exchangehub.protect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exchangehub.delivery.KafkaTestBroker;
import org.exchangehub.kit.Kit;
import org.exchangehub.standards.IdNumbers;
import org.exchangehub.state.AuditEntry;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.StateStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Protected personal fields end to end: file-drop feeds mapped and delivered to the lake, the warehouse and Kafka,
 * where the planted clear values must not appear, and the decrypt command giving them back.
 */
class ProtectedDeliveryIT {

    /** Ends in X: the insurance department writes it with a lower-case x. */
    static final String CHEN = id("35010219850312123");
    static final String LIN = id("35020319780605042");
    static final String HUANG = id("35050219921130064");
    static final List<String> NAMES = List.of("陈志明", "林秀英", "黄丽娟");
    static final String PERSONS_HEADER = "GMSFHM,XM,XB,CSRQ,HJXZQH,ZZ,LXDH\n";
    static final String EMPLOYER = "91350100M000100Y43";
    static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaTestBroker kafka;

    @TempDir
    Path dir;

    private ProtectedHub hub;

    @BeforeAll
    static void broker() {
        kafka = new KafkaTestBroker(1);
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.close();
        }
    }

    static String id(String first17) {
        return first17 + IdNumbers.checkChar(first17);
    }

    static String persons(String... ids) {
        StringBuilder csv = new StringBuilder(PERSONS_HEADER);
        for (String id : ids) {
            int i = List.of(CHEN, LIN, HUANG).indexOf(id);
            csv.append(id).append(',').append(NAMES.get(i)).append(",,,").append(id, 0, 6)
                    .append(",福建省福州市鼓楼区五四路").append(i + 10).append("号,1380013800").append(i).append('\n');
        }
        return csv.toString();
    }

    private ProtectedHub hub(Map<String, String> protect, String brokers) throws Exception {
        hub = new ProtectedHub(dir, protect, brokers);
        return hub;
    }

    @Test
    void encryptedIdNumbersAndNamesReachNoSinkInClear() throws Exception {
        hub(Map.of("person.id_number", "encrypt", "person.name", "encrypt"), kafka.brokers()).start("sm4-1");
        RunRecord run = hub.deliver(ProtectedHub.PERSONS, "persons-1.csv", persons(CHEN, LIN, HUANG));
        assertThat(run.rowsDelivered()).isEqualTo(3);

        List<byte[]> lakeBytes = new ArrayList<>();
        for (Path f : hub.lakeFiles("person")) {
            lakeBytes.add(Files.readAllBytes(f));
        }
        String warehouse = hub.warehouse.queryForList("SELECT * FROM \"person\"").toString();
        List<KafkaTestBroker.Received> topic = kafka.readAll(hub.topic("person"));
        assertThat(topic).hasSize(3);
        assertThat(lakeBytes).as("the uncompressed lake shows clear values that are not protected")
                .anyMatch(b -> contains(b, "350102"));
        for (String planted : List.of(CHEN, LIN, HUANG, NAMES.get(0), NAMES.get(1), NAMES.get(2))) {
            assertThat(lakeBytes).as("lake files").noneMatch(b -> contains(b, planted));
            assertThat(warehouse).as("warehouse table").doesNotContain(planted);
            assertThat(topic).as("Kafka keys and values")
                    .noneMatch(r -> r.key().contains(planted) || r.value().toString().contains(planted));
        }
    }

    @Test
    void decryptGivesTheLakeFileBackInClearAndRecordsItInTheAuditTrail() throws Exception {
        hub(Map.of("person.id_number", "encrypt", "person.name", "encrypt"), null).start("sm4-1");
        hub.deliver(ProtectedHub.PERSONS, "persons-1.csv", persons(CHEN, LIN, HUANG));
        Path lakeFile = hub.lakeFiles("person").get(0);
        Path out = dir.resolve("clear.jsonl");

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int exit = decrypt(hub, said, lakeFile.toString(), "--out", out.toString(), "--reason", "case 2026-114");

        assertThat(exit).as(said.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("3 rows").contains("6 values decrypted")
                .contains("IN CLEAR, recorded in the audit trail");
        List<JsonNode> rows = Files.readAllLines(out).stream().map(ProtectedDeliveryIT::json).toList();
        assertThat(rows).extracting(r -> r.get("id_number").asText()).containsExactlyInAnyOrder(CHEN, LIN, HUANG);
        assertThat(rows).extracting(r -> r.get("name").asText()).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(rows).extracting(r -> r.get("birth_date").asText()).contains("1985-03-12");
        AuditEntry entry = hub.state.auditTrail(1).get(0);
        assertThat(entry.action()).isEqualTo("lake.decrypt");
        assertThat(entry.principal()).isEqualTo("kit:" + System.getProperty("user.name"));
        assertThat(entry.target()).isEqualTo(lakeFile.toAbsolutePath().toString());
        assertThat(entry.detail()).isEqualTo("case 2026-114");
    }

    @Test
    void aModifiedLakeValueStopsDecryptWithAClearErrorAndNoFile() throws Exception {
        hub(Map.of("person.name", "encrypt"), null).start("sm4-1");
        hub.deliver(ProtectedHub.PERSONS, "persons-1.csv", persons(CHEN));
        Path lakeFile = hub.lakeFiles("person").get(0);
        byte[] bytes = Files.readAllBytes(lakeFile);
        int at = indexOf(bytes, "sm4gcm:v1:sm4-1:") + "sm4gcm:v1:sm4-1:".length() + 20;
        bytes[at] = (byte) (bytes[at] == 'A' ? 'B' : 'A'); // one base64 character of the ciphertext
        Path tampered = Files.write(dir.resolve("tampered.parquet"), bytes);
        Path out = dir.resolve("clear.jsonl");

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        int exit = decrypt(hub, said, tampered.toString(), "--out", out.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("decrypt failed: row 1, person.name")
                .contains("fails authentication: it was modified");
        assertThat(out).doesNotExist();
    }

    @Test
    void afterKeyRotationNewValuesAreUnderTheNewKeyAndBothDecrypt() throws Exception {
        hub(Map.of("person.id_number", "encrypt", "person.name", "encrypt"), null).start("sm4-1");
        hub.deliver(ProtectedHub.PERSONS, "persons-1.csv", persons(CHEN));
        hub.start("sm4-2");
        hub.deliver(ProtectedHub.PERSONS, "persons-2.csv", persons(HUANG));

        List<Path> files = hub.lakeFiles("person");
        assertThat(files).hasSize(2);
        List<JsonNode> first = decryptAll(files.get(0));
        List<JsonNode> second = decryptAll(files.get(1));
        assertThat(new String(Files.readAllBytes(files.get(0)), StandardCharsets.ISO_8859_1))
                .contains("sm4gcm:v1:sm4-1:").doesNotContain("sm4gcm:v1:sm4-2:");
        assertThat(new String(Files.readAllBytes(files.get(1)), StandardCharsets.ISO_8859_1))
                .contains("sm4gcm:v1:sm4-2:").doesNotContain("sm4gcm:v1:sm4-1:");
        assertThat(first).extracting(r -> r.get("id_number").asText()).containsExactly(CHEN);
        assertThat(second).extracting(r -> r.get("id_number").asText()).containsExactly(HUANG);
    }

    @Test
    void theWarehouseKeepsOneRowPerCitizenAcrossKeyRotation() throws Exception {
        hub(Map.of("person.id_number", "encrypt"), null).start("sm4-1");
        hub.deliver(ProtectedHub.PERSONS, "persons-1.csv", persons(CHEN, LIN));
        hub.start("sm4-2");
        hub.deliver(ProtectedHub.PERSONS, "persons-2.csv", persons(CHEN));

        assertThat(hub.warehouse.queryForObject("SELECT COUNT(*) FROM \"person\"", Integer.class)).isEqualTo(2);
        String chen = hub.warehouse.queryForObject("SELECT \"id_number\" FROM \"person\" WHERE \"_business_key\" = ?",
                String.class, new Pseudonyms(Catalogues.PSEUDONYM).of(CHEN, true));
        assertThat(chen).startsWith("sm4gcm:v1:sm4-2:");
        assertThat(hub.protection().decrypt("person", "id_number", chen)).isEqualTo(CHEN);
    }

    @Test
    void pseudonymizedIdNumbersJoinPersonsWithTheirInsurance() throws Exception {
        hub(Map.of("person.id_number", "pseudonym", "social_insurance.id_number", "pseudonym"), null)
                .start(null);
        hub.deliver(ProtectedHub.PERSONS, "persons-1.csv", persons(CHEN, LIN, HUANG));
        String lower = CHEN.toLowerCase(); // the same citizen, written with x by the other department
        hub.deliver(ProtectedHub.INSURANCE, "enrolments-1.csv", "SFZH,XZLX,DWDM,CBRQ,ZT,JFJS\n"
                + lower + ",110," + EMPLOYER + ",20100301,1,5000\n"
                + LIN + ",310," + EMPLOYER + ",20120701,1,6200.50\n");

        List<String[]> joined = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT p.id_number, s.insurance_type FROM read_parquet('"
                     + hub.lake.resolve("person") + "/**/*.parquet') p JOIN read_parquet('"
                     + hub.lake.resolve("social_insurance") + "/**/*.parquet') s ON p.id_number = s.id_number"
                     + " ORDER BY s.insurance_type")) {
            while (rs.next()) {
                joined.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Pseudonyms pseudonyms = new Pseudonyms(Catalogues.PSEUDONYM);
        assertThat(joined).extracting(r -> r[0] + " " + r[1]).containsExactly(
                pseudonyms.of(CHEN, true) + " 110", pseudonyms.of(LIN, true) + " 310");
        assertThat(joined).extracting(r -> r[0]).doesNotContain(CHEN, LIN).allMatch(p -> p.matches("[0-9a-f]{64}"));
    }

    private int decrypt(ProtectedHub hub, ByteArrayOutputStream said, String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "decrypt";
        System.arraycopy(args, 0, command, 1, args.length);
        PrintStream print = new PrintStream(said, true, StandardCharsets.UTF_8);
        return Kit.run(command, start -> {
            GenericApplicationContext context = new GenericApplicationContext();
            context.registerBean(FieldProtection.class, hub::protection);
            context.registerBean(StateStore.class, () -> hub.state);
            context.refresh();
            return context;
        }, print, print);
    }

    private List<JsonNode> decryptAll(Path lakeFile) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LakeDecryption(hub.protection(), hub.state).decrypt(lakeFile, out, "test", "rotation test");
        return out.toString(StandardCharsets.UTF_8).lines().map(ProtectedDeliveryIT::json).toList();
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static boolean contains(byte[] haystack, String needle) {
        return indexOf(haystack, needle) >= 0;
    }

    private static int indexOf(byte[] haystack, String needle) {
        byte[] n = needle.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + n.length <= haystack.length; i++) {
            for (int j = 0; j < n.length; j++) {
                if (haystack[i + j] != n[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
