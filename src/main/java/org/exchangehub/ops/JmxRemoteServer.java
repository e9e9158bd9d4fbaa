package org.exchangehub.ops;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.RMIServerSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;

import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;

import org.exchangehub.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The remote JMX listener for jconsole and VisualVM: an RMI registry and connector on one configured port,
 * bound to loopback unless configured otherwise, password-checked against the operations users, read-only for
 * viewers, and TLS when configured. Off when {@code hub.ops.jmx.port} is not set.
 */
final class JmxRemoteServer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(JmxRemoteServer.class);

    private final OpsProperties.Jmx settings;
    private final OpsUsers users;
    private volatile Registry registry;
    private volatile JMXConnectorServer server;

    JmxRemoteServer(OpsProperties.Jmx settings, OpsUsers users) {
        this.settings = settings;
        this.users = users;
    }

    /** The address a client connects to, e.g. {@code service:jmx:rmi:///jndi/rmi://127.0.0.1:9010/jmxrmi}. */
    JMXServiceURL address() {
        try {
            return new JMXServiceURL("service:jmx:rmi:///jndi/rmi://" + hostForUrl() + ":" + settings.port()
                    + "/jmxrmi");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void start() {
        if (settings.port() == null) {
            return;
        }
        users.requireSome("remote JMX (hub.ops.jmx.port is set)");
        try {
            InetAddress bind = InetAddress.getByName(settings.host());
            SSLContext ssl = settings.tls().enabled() ? sslContext(settings.tls()) : null;
            RMIServerSocketFactory serverSockets = new BoundServerSocketFactory(bind, ssl, settings.tls().clientAuth());
            RMIClientSocketFactory clientSockets = ssl == null ? null : new SslRMIClientSocketFactory();
            if (System.getProperty("java.rmi.server.hostname") == null) {
                // the stubs handed to clients must name the address the connector listens on
                System.setProperty("java.rmi.server.hostname", settings.host());
            }
            registry = LocateRegistry.createRegistry(settings.port(), clientSockets, serverSockets);
            Map<String, Object> env = new HashMap<>();
            env.put(JMXConnectorServer.AUTHENTICATOR, new OpsJmxAuthenticator(users));
            env.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, serverSockets);
            if (clientSockets != null) {
                env.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, clientSockets);
                env.put("com.sun.jndi.rmi.factory.socket", clientSockets);
            }
            // only a user name and password may be deserialised before authentication
            env.put("jmx.remote.rmi.server.credentials.filter.pattern", "java.lang.String;java.lang.String[];!*");
            int rmiPort = settings.rmiPort() == 0 ? settings.port() : settings.rmiPort();
            JMXServiceURL url = new JMXServiceURL("service:jmx:rmi://" + hostForUrl() + ":" + rmiPort
                    + "/jndi/rmi://" + hostForUrl() + ":" + settings.port() + "/jmxrmi");
            server = JMXConnectorServerFactory.newJMXConnectorServer(url, env, ManagementFactory.getPlatformMBeanServer());
            server.setMBeanServerForwarder(RoleCheckingForwarder.create());
            server.start();
            LOG.info("Remote JMX listening at {} (TLS {}); users: {}", address(), ssl == null ? "off" : "on",
                    users.all().size());
        } catch (ConfigException e) {
            throw e;
        } catch (Exception e) {
            stopQuietly();
            throw new ConfigException(OpsUsers.FILE, "hub.ops.jmx.port", String.valueOf(settings.port()),
                    "cannot start remote JMX: " + e.getMessage(),
                    "choose a free port, or leave hub.ops.jmx.port unset to turn remote JMX off");
        }
    }

    private String hostForUrl() {
        return settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
    }

    private static SSLContext sslContext(OpsProperties.Tls tls) throws Exception {
        if (tls.keyStore() == null || tls.keyStorePassword() == null) {
            throw new ConfigException(OpsUsers.FILE, "hub.ops.jmx.tls.key-store", null,
                    "TLS is enabled but no key store (and password) is set",
                    "set hub.ops.jmx.tls.key-store and hub.ops.jmx.tls.key-store-password, or turn TLS off");
        }
        KeyStore store = KeyStore.getInstance(tls.keyStoreType());
        char[] password = tls.keyStorePassword().reveal().toCharArray();
        try (InputStream in = Files.newInputStream(tls.keyStore())) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    @Override
    public void stop() {
        stopQuietly();
    }

    private void stopQuietly() {
        JMXConnectorServer s = server;
        server = null;
        if (s != null) {
            try {
                s.stop();
            } catch (IOException e) {
                LOG.warn("Remote JMX did not stop cleanly: {}", e.getMessage());
            }
        }
        Registry r = registry;
        registry = null;
        if (r != null) {
            try {
                UnicastRemoteObject.unexportObject(r, true);
            } catch (NoSuchObjectException e) {
                // already gone
            }
        }
    }

    @Override
    public boolean isRunning() {
        return server != null && server.isActive();
    }
}
