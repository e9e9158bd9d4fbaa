package org.exchangehub.protect;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

/**
 * PKCS12 keystores as {@code keytool -genseckey -keyalg AES -storetype PKCS12} makes them: secret-key entries
 * under the store's password.
 */
final class Keystores {

    private Keystores() {
    }

    static Path write(Path file, String password, Map<String, byte[]> keys) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password.toCharArray());
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            ks.setEntry(e.getKey(), new KeyStore.SecretKeyEntry(new SecretKeySpec(e.getValue(), "AES")), protection);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, password.toCharArray());
        }
        return file;
    }
}
