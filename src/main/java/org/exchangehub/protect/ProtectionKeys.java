package org.exchangehub.protect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.exchangehub.config.ConfigException;

/**
 * The key material of field protection, by key id: a PKCS12 keystore's secret-key entry of that alias, else the
 * environment variable {@code HUB_PROTECTION_KEY_<ID>} (base64). Key bytes never leave this package and are never
 * part of a message or {@link #toString()}.
 */
public final class ProtectionKeys {

    /** Key ids go into every token: letters, digits, '-', '_' and '.', no ':'. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    static final String ENV_PREFIX = "HUB_PROTECTION_KEY_";
    private static final String SETTINGS = "application configuration";

    private final ProtectionProperties settings;
    private final Function<String, String> environment;
    private final KeyStore keystore;
    private final Map<String, Optional<byte[]>> keys = new ConcurrentHashMap<>();

    /**
     * @param environment the process environment ({@code System::getenv}), a map's {@code get} in tests
     * @throws ConfigException when the keystore is set but cannot be opened, or a key id is no plain id
     */
    public ProtectionKeys(ProtectionProperties settings, Function<String, String> environment) {
        this.settings = settings;
        this.environment = environment;
        this.keystore = settings.keystoreSet() ? open(settings) : null;
        if (settings.activeKeySet()) {
            requireId("hub.protection.active-key", settings.activeKey());
        }
        requireId("hub.protection.pseudonym-key", settings.pseudonymKey());
    }

    /** The id new values are encrypted under, or null when {@code hub.protection.active-key} is not set. */
    public String activeKeyId() {
        return settings.activeKeySet() ? settings.activeKey().trim() : null;
    }

    /** The id of the pseudonym key. */
    public String pseudonymKeyId() {
        return settings.pseudonymKey().trim();
    }

    /** The key of that id, if the keystore or the environment has it. */
    Optional<byte[]> find(String id) {
        return keys.computeIfAbsent(id, this::load).map(byte[]::clone);
    }

    /** Where a key of that id is looked for, for messages and the fix they propose. */
    String where(String id) {
        String env = envName(id);
        return settings.keystoreSet() ? "keystore alias '" + id + "' in " + settings.keystore().trim()
                + " or environment variable " + env : "environment variable " + env
                + " (or a keystore alias '" + id + "' with hub.protection.keystore)";
    }

    /** The environment variable of a key id, e.g. {@code HUB_PROTECTION_KEY_SM4_1} for {@code sm4-1}. */
    static String envName(String id) {
        return ENV_PREFIX + id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private Optional<byte[]> load(String id) {
        if (!KEY_ID.matcher(id).matches()) {
            return Optional.empty();
        }
        if (keystore != null) {
            byte[] fromStore = fromKeystore(id);
            if (fromStore != null) {
                return Optional.of(fromStore);
            }
        }
        String env = envName(id);
        String value = environment.apply(env);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(value.trim()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("environment", env, null, "is not base64",
                    "give the key's bytes in base64, e.g. from 'openssl rand -base64 16'");
        }
    }

    private byte[] fromKeystore(String id) {
        try {
            String alias = id.toLowerCase(Locale.ROOT); // PKCS12 keeps aliases in lower case
            if (!keystore.containsAlias(alias)) {
                return null;
            }
            Key key = keystore.getKey(alias, settings.keystorePassword().reveal().toCharArray());
            if (key == null || key.getEncoded() == null) {
                throw new ConfigException(SETTINGS, "hub.protection.keystore", settings.keystore(),
                        "entry '" + alias + "' is no secret key", "store it with keytool -genseckey -alias " + alias);
            }
            return key.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new ConfigException(SETTINGS, "hub.protection.keystore", settings.keystore(),
                    "entry '" + id + "' cannot be read: " + e.getClass().getSimpleName(),
                    "give the entry the keystore's password (keytool's default for PKCS12)");
        }
    }

    private static KeyStore open(ProtectionProperties settings) {
        Path file = Path.of(settings.keystore().trim());
        if (!Files.isRegularFile(file)) {
            throw new ConfigException(SETTINGS, "hub.protection.keystore", settings.keystore(),
                    "names no file (looked for " + file.toAbsolutePath() + ")",
                    "point it at a PKCS12 keystore made with keytool -genseckey -storetype PKCS12, or remove it to"
                            + " take keys from HUB_PROTECTION_KEY_<ID>");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, settings.keystorePassword().reveal().toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            // the cause's message says "keystore password was incorrect" and the like, never the password
            throw new ConfigException(SETTINGS, "hub.protection.keystore", settings.keystore(),
                    "cannot be opened as PKCS12: " + e.getMessage(),
                    "check the file and hub.protection.keystore-password (HUB_PROTECTION_KEYSTORE_PASSWORD)");
        }
    }

    private static void requireId(String setting, String id) {
        if (id == null || !KEY_ID.matcher(id.trim()).matches()) {
            throw new ConfigException(SETTINGS, setting, id, "is not a key id",
                    "use letters, digits, '.', '-' and '_' (no ':'), e.g. sm4-1");
        }
    }

    @Override
    public String toString() {
        return "ProtectionKeys[active " + activeKeyId() + ", pseudonym " + pseudonymKeyId() + "]";
    }
}
