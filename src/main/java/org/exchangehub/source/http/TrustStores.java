package org.exchangehub.source.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.exchangehub.config.Secret;

/**
 * The TLS context of a service source: the JVM's default trust (the public CAs) or, when the department's
 * server has a certificate from a government or private CA, a configured trust store holding that CA.
 */
final class TrustStores {

    private TrustStores() {
    }

    /**
     * The trust store as camel-http's {@link SSLContextParameters}, or null for the JVM's default trust.
     * {@link #context} reads the same file first, so that a wrong path or password stops the route naming the option.
     */
    static SSLContextParameters parameters(String trustStore, Secret password, String type) {
        if (trustStore == null || trustStore.isBlank()) {
            return null;
        }
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + Path.of(trustStore.trim()).toAbsolutePath());
        store.setType(type);
        if (!password.isEmpty()) {
            store.setPassword(password.reveal());
        }
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store);
        SSLContextParameters parameters = new SSLContextParameters();
        parameters.setTrustManagers(trust);
        return parameters;
    }

    /** The trust as a JDK {@link SSLContext}; it checks that the trust store can be read. */
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
