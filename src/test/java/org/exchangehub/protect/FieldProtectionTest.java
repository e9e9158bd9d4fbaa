package org.exchangehub.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.exchangehub.catalogue.Dataset;
import org.exchangehub.catalogue.FieldType;
import org.exchangehub.config.Secret;
import org.exchangehub.feed.Batch;
import org.exchangehub.mapping.UnifiedRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What protection does to one record, without Camel: tokens, tampering, rotation, pseudonyms, keys. */
class FieldProtectionTest {

    static final String ID = "35010219850312123X";
    static final String NAME = "陈志明";

    @TempDir
    Path dir;

    private Path catalogue;

    @BeforeEach
    void catalogue() {
        catalogue = Catalogues.copy(dir.resolve("catalogue"), Map.of("person.id_number", "encrypt",
                "person.name", "encrypt", "person.birth_date", "encrypt", "person.phone", "pseudonym"));
    }

    private static Batch person(FieldProtection protection, Path catalogue, Object... values) {
        Dataset person = Catalogues.load(catalogue).dataset("person");
        Batch batch = new Batch("test.persons", "r1", 0, Instant.now(), List.of());
        batch.mapped(person, "test", List.of(new UnifiedRecord("1", values, "hash-of-the-clear-values",
                (String) values[0], 0)), List.of(), 0);
        protection.protect(batch);
        return batch;
    }

    private Batch chen(FieldProtection protection) {
        return person(protection, catalogue, ID, NAME, "1", LocalDate.of(1985, 3, 12), "350102", null,
                "13800138000");
    }

    @Test
    void anEncryptedValueIsOneTokenNamingItsKeyAndDecryptsToTheClearValue() {
        FieldProtection protection = Catalogues.protection(catalogue, "sm4-1");
        Object[] values = chen(protection).unified().get(0).values();

        assertThat((String) values[0]).matches("sm4gcm:v1:sm4-1:[A-Za-z0-9+/]+=*");
        assertThat(protection.decrypt("person", "id_number", (String) values[0])).isEqualTo(ID);
        assertThat(protection.decrypt("person", "name", (String) values[1])).isEqualTo(NAME);
        assertThat(protection.decrypt("person", "birth_date", (String) values[3])).isEqualTo("1985-03-12");
        assertThat(values[2]).isEqualTo("1");
        assertThat(values[5]).isNull();
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        FieldProtection protection = Catalogues.protection(catalogue, "sm4-1");
        assertThat(chen(protection).unified().get(0).values()[0])
                .isNotEqualTo(chen(protection).unified().get(0).values()[0]);
    }

    @Test
    void sinksSeeProtectedFieldsAsTextAndTheClearRecordHash() {
        Batch batch = chen(Catalogues.protection(catalogue, "sm4-1"));
        assertThat(batch.dataset().field("birth_date").type()).isEqualTo(FieldType.STRING);
        assertThat(batch.dataset().field("phone").length()).isEqualTo(64);
        assertThat(batch.dataset().field("division_code").type()).isEqualTo(FieldType.STRING);
        assertThat(batch.unified().get(0).recordHash()).isEqualTo("hash-of-the-clear-values");
    }

    @Test
    void anEncryptedBusinessKeyIsKeyedByItsPseudonym() {
        FieldProtection protection = Catalogues.protection(catalogue, "sm4-1");
        String key = chen(protection).unified().get(0).businessKey();
        assertThat(key).matches("[0-9a-f]{64}").isEqualTo(chen(protection).unified().get(0).businessKey())
                .isEqualTo(new Pseudonyms(Catalogues.PSEUDONYM).of(ID, true));
    }

    @Test
    void aModifiedTokenFailsToDecryptWithAClearError() {
        FieldProtection protection = Catalogues.protection(catalogue, "sm4-1");
        String token = (String) chen(protection).unified().get(0).values()[0];
        String payload = token.substring(token.lastIndexOf(':') + 1);
        byte[] bytes = Base64.getDecoder().decode(payload);
        bytes[14] ^= 0x01; // one bit of the ciphertext
        String tampered = token.substring(0, token.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> protection.decrypt("person", "id_number", tampered))
                .isInstanceOf(ProtectionException.class).hasMessageContaining("person.id_number")
                .hasMessageContaining("under key 'sm4-1' fails authentication: it was modified")
                .hasMessageNotContaining(ID);
    }

    @Test
    void aTokenCopiedIntoAnotherFieldDoesNotDecrypt() {
        FieldProtection protection = Catalogues.protection(catalogue, "sm4-1");
        String nameToken = (String) chen(protection).unified().get(0).values()[1];
        assertThatThrownBy(() -> protection.decrypt("person", "id_number", nameToken))
                .isInstanceOf(ProtectionException.class).hasMessageContaining("fails authentication");
    }

    @Test
    void afterRotationNewValuesUseTheNewKeyAndOldOnesStillDecrypt() {
        String underOne = (String) chen(Catalogues.protection(catalogue, "sm4-1")).unified().get(0).values()[0];
        FieldProtection rotated = Catalogues.protection(catalogue, "sm4-2");
        String underTwo = (String) chen(rotated).unified().get(0).values()[0];

        assertThat(underTwo).startsWith("sm4gcm:v1:sm4-2:");
        assertThat(rotated.decrypt("person", "id_number", underOne)).isEqualTo(ID);
        assertThat(rotated.decrypt("person", "id_number", underTwo)).isEqualTo(ID);
    }

    @Test
    void aTokenUnderAKeyThatIsGoneSaysWhichKeyIsMissing() {
        String underOne = (String) chen(Catalogues.protection(catalogue, "sm4-1")).unified().get(0).values()[0];
        Map<String, String> env = Catalogues.environment();
        env.remove("HUB_PROTECTION_KEY_SM4_1");
        FieldProtection withoutOne = FieldProtection.of(Catalogues.load(catalogue), catalogue,
                Catalogues.keys("sm4-2", env));
        assertThatThrownBy(() -> withoutOne.decrypt("person", "id_number", underOne))
                .isInstanceOf(ProtectionException.class)
                .hasMessageContaining("the token is under key 'sm4-1', which is not configured");
    }

    @Test
    void aPseudonymIsDeterministicLowerCaseHexAndJoinsATrailingXWithx() {
        Pseudonyms pseudonyms = new Pseudonyms(Catalogues.PSEUDONYM);
        String upper = pseudonyms.of(ID, true);
        assertThat(upper).matches("[0-9a-f]{64}").isNotEqualTo(ID);
        assertThat(pseudonyms.of(" " + ID.toLowerCase() + " ", true)).isEqualTo(upper);
        assertThat(new Pseudonyms(Catalogues.SM4_1.clone()).of("0123456789abcdef", false))
                .isNotEqualTo(pseudonyms.of("0123456789abcdef", false));
    }

    @Test
    void keysComeFromAPkcs12KeystoreAsFromTheEnvironment() throws Exception {
        Path store = Keystores.write(dir.resolve("keys.p12"), "store-secret", Map.of("sm4-1", Catalogues.SM4_1,
                "pseudonym", Catalogues.PSEUDONYM));
        ProtectionKeys fromStore = new ProtectionKeys(new ProtectionProperties(store.toString(),
                Secret.of("store-secret"), "sm4-1", "pseudonym"), name -> null);
        FieldProtection protection = FieldProtection.of(Catalogues.load(catalogue), catalogue, fromStore);
        Object[] values = chen(protection).unified().get(0).values();

        assertThat(Catalogues.protection(catalogue, "sm4-1").decrypt("person", "id_number", (String) values[0]))
                .as("the same key from the environment").isEqualTo(ID);
        assertThat(values[6]).isEqualTo(new Pseudonyms(Catalogues.PSEUDONYM).of("13800138000", false));
        assertThat(fromStore.toString() + protection).doesNotContain("store-secret");
    }
}
