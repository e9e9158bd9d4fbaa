package org.exchangehub.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.exchangehub.catalogue.Catalogue;
import org.exchangehub.catalogue.CatalogueLoader;
import org.exchangehub.config.ConfigException;
import org.exchangehub.config.HubProperties;
import org.exchangehub.config.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each misconfiguration of field protection stops start-up with the file, the key, the value and the fix. */
class ProtectionConfigTest {

    @TempDir
    Path dir;

    @Test
    void protectOnAFieldThatIsNotSensitiveIsRefused() {
        Catalogues.copy(dir, Map.of("person.division_code", "encrypt"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("person.yaml").hasMessageContaining("fields.division_code.protect = 'encrypt'")
                .hasMessageContaining("applies only to personal fields")
                .hasMessageContaining("Fix: remove protect, or mark the field 'sensitive: true'");
    }

    @Test
    void unknownProtectionIsRefused() {
        Catalogues.copy(dir, Map.of("person.name", "hash"));
        assertThatThrownBy(() -> CatalogueLoader.load(dir)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("person.yaml").hasMessageContaining("fields.name.protect = 'hash'")
                .hasMessageContaining("is not a protection")
                .hasMessageContaining("Fix: write encrypt, pseudonym or clear (the default)");
    }

    @Test
    void theShippedCatalogueProtectsNothingAndNeedsNoKeys() {
        Catalogue shipped = CatalogueLoader.load(Path.of("config/catalogue"));
        FieldProtection protection = FieldProtection.of(shipped, Path.of("config/catalogue"),
                Catalogues.keys(null, Map.of()));
        assertThat(protection.describe()).isEqualTo("none (every field in clear)");
    }

    @Test
    void encryptWithoutAnActiveKeyStopsStartUp() {
        Catalogues.copy(dir, Map.of("person.name", "encrypt"));
        assertThatThrownBy(() -> FieldProtection.of(CatalogueLoader.load(dir), dir, Catalogues.keys(null)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("person.yaml")
                .hasMessageContaining("fields.name.protect = 'encrypt'")
                .hasMessageContaining("hub.protection.active-key is not set")
                .hasMessageContaining("Fix: set hub.protection.active-key (e.g. sm4-1)")
                .hasMessageContaining("HUB_PROTECTION_KEY_SM4_1");
    }

    @Test
    void encryptUnderAnActiveKeyNobodyGaveStopsStartUp() {
        Catalogues.copy(dir, Map.of("person.name", "encrypt"));
        assertThatThrownBy(() -> FieldProtection.of(CatalogueLoader.load(dir), dir, Catalogues.keys("sm4-3")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("person.yaml")
                .hasMessageContaining("fields.name.protect = 'encrypt'")
                .hasMessageContaining("needs the active SM4 key 'sm4-3', which is not configured")
                .hasMessageContaining("Fix: give it as environment variable HUB_PROTECTION_KEY_SM4_3");
    }

    @Test
    void anSm4KeyOfTheWrongLengthStopsStartUp() {
        Catalogues.copy(dir, Map.of("person.name", "encrypt"));
        Map<String, String> env = Map.of("HUB_PROTECTION_KEY_SM4_1", Base64.getEncoder().encodeToString(new byte[32]));
        assertThatThrownBy(() -> FieldProtection.of(CatalogueLoader.load(dir), dir, Catalogues.keys("sm4-1", env)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("has 32 bytes, SM4 takes 16")
                .hasMessageContaining("Fix: make a 128-bit key");
    }

    @Test
    void pseudonymWithoutThePseudonymKeyStopsStartUp() {
        Catalogues.copy(dir, Map.of("social_insurance.id_number", "pseudonym"));
        assertThatThrownBy(() -> FieldProtection.of(CatalogueLoader.load(dir), dir, Catalogues.keys(null, Map.of())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("social_insurance.yaml")
                .hasMessageContaining("fields.id_number.protect = 'pseudonym'")
                .hasMessageContaining("needs the pseudonym key 'pseudonym', which is not configured")
                .hasMessageContaining("HUB_PROTECTION_KEY_PSEUDONYM");
    }

    @Test
    void anEncryptedBusinessKeyNeedsThePseudonymKeyToo() {
        Catalogues.copy(dir, Map.of("person.id_number", "encrypt"));
        Map<String, String> env = Map.of("HUB_PROTECTION_KEY_SM4_1", Base64.getEncoder()
                .encodeToString(Catalogues.SM4_1));
        assertThatThrownBy(() -> FieldProtection.of(CatalogueLoader.load(dir), dir, Catalogues.keys("sm4-1", env)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fields.id_number.protect = 'encrypt'")
                .hasMessageContaining("is in the business key of person, which is keyed by its pseudonym");
    }

    @Test
    void aKeystoreThatIsNotThereStopsStartUp() {
        ProtectionProperties settings = new ProtectionProperties(dir.resolve("keys.p12").toString(),
                Secret.of("changeit"), "sm4-1", "pseudonym");
        assertThatThrownBy(() -> new ProtectionKeys(settings, k -> null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hub.protection.keystore = '" + dir.resolve("keys.p12") + "'")
                .hasMessageContaining("names no file").hasMessageContaining("Fix: point it at a PKCS12 keystore");
    }

    @Test
    void aWrongKeystorePasswordStopsStartUpWithoutShowingThePassword() throws Exception {
        Path store = Keystores.write(dir.resolve("keys.p12"), "right-password", Map.of("sm4-1", Catalogues.SM4_1));
        ProtectionProperties settings = new ProtectionProperties(store.toString(), Secret.of("wrong-password-42"),
                "sm4-1", "pseudonym");
        assertThatThrownBy(() -> new ProtectionKeys(settings, k -> null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("hub.protection.keystore").hasMessageContaining("cannot be opened as PKCS12")
                .hasMessageNotContaining("wrong-password-42");
        assertThat(settings.toString()).doesNotContain("wrong-password-42");
    }

    @Test
    void theHubDoesNotStartWhenTheCatalogueEncryptsWithoutKeys() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Catalogues.copy(config.resolve("catalogue"), Map.of("person.name", "encrypt"));
        new ApplicationContextRunner().withUserConfiguration(Settings.class, ProtectionConfiguration.class)
                .withBean(Catalogue.class, () -> CatalogueLoader.load(config.resolve("catalogue")))
                .withPropertyValues("hub.config-dir=" + config)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(ConfigException.class).hasMessageContaining("person.yaml")
                        .hasMessageContaining("fields.name.protect = 'encrypt'")
                        .hasMessageContaining("hub.protection.active-key is not set"));
    }

    @Test
    void theHubTakesItsKeysFromTheKeystoreItsSettingsName() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Catalogues.copy(config.resolve("catalogue"), Map.of("person.name", "encrypt"));
        Path store = Keystores.write(dir.resolve("keys.p12"), "store-secret", Map.of("sm4-2", Catalogues.SM4_2));
        new ApplicationContextRunner().withUserConfiguration(Settings.class, ProtectionConfiguration.class)
                .withBean(Catalogue.class, () -> CatalogueLoader.load(config.resolve("catalogue")))
                .withPropertyValues("hub.config-dir=" + config, "hub.protection.keystore=" + store,
                        "hub.protection.keystore-password=store-secret", "hub.protection.active-key=sm4-2")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(FieldProtection.class).describe())
                            .isEqualTo("person.name encrypt; new values under key sm4-2");
                    assertThat(context.getBean(ProtectionProperties.class).toString()).doesNotContain("store-secret");
                });
    }

    @EnableConfigurationProperties({HubProperties.class, ProtectionProperties.class})
    static class Settings {
    }
}
