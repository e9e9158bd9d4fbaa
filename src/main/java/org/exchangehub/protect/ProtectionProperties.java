package org.exchangehub.protect;

import org.exchangehub.config.Secret;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys of field protection come from ({@code hub.protection.*}). A key with id {@code ID} is the
 * keystore's secret-key entry of alias {@code ID} when a keystore is set and holds it, else the environment variable
 * {@code HUB_PROTECTION_KEY_<ID>} (upper-case, other characters as {@code _}), base64. Never in a route or mapping.
 *
 * @param keystore         a PKCS12 keystore with secret-key entries (e.g. aliases {@code sm4-1}, {@code sm4-2},
 *                         {@code pseudonym}); text, as {@code hub.config-dir}, so it is never looked up on the
 *                         classpath
 * @param keystorePassword the keystore's password, also the entries' password (keytool's default for PKCS12)
 * @param activeKey        the id of the SM4 key new values are encrypted under; older ids still decrypt
 * @param pseudonymKey     the id of the HMAC-SM3 key of pseudonyms; one per platform, never rotated, or the
 *                         pseudonyms of the datasets no longer join
 */
@ConfigurationProperties("hub.protection")
public record ProtectionProperties(
        String keystore,
        @DefaultValue("") Secret keystorePassword,
        String activeKey,
        @DefaultValue("pseudonym") String pseudonymKey) {

    /** No keystore, no active key: keys only from the environment. */
    public static ProtectionProperties none() {
        return new ProtectionProperties(null, Secret.NONE, null, "pseudonym");
    }

    /** Whether {@code hub.protection.keystore} is given. */
    public boolean keystoreSet() {
        return keystore != null && !keystore.isBlank();
    }

    /** Whether {@code hub.protection.active-key} is given. */
    public boolean activeKeySet() {
        return activeKey != null && !activeKey.isBlank();
    }
}
