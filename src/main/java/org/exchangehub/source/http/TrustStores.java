package org.exchangehub.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.exchangehub.config.Secret;

/**
 * The TLS context of a service source: the JVM's default trust (the public CAs) or, when the department's
 * server has a certificate from a government or private CA, a configured trust store holding that CA.
 */
final class TrustStores {

    private TrustStores() {
    }

    static SSLContext context(String trustStore, Secret password, String type) {
        if (trustStore == null || trustStore.isBlank()) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("The JVM has no default TLS context", e);
            }
        }
        Path path = Path.of(trustStore.trim());
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, password.isEmpty() ? null : password.reveal().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("option trustStore = '" + trustStore + "' cannot be read as a " + type
                    + " trust store (" + e.getMessage() + "); check the path, trustStoreType and trustStorePassword", e);
        }
    }
}
