package org.exchangehub.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.ftpserver.ftplet.UserManager;

/**
 * The public-security department's FTP server (Apache MINA FtpServer), bound to 127.0.0.1 only, with one account
 * for the hub whose home is the drop area. Started and stopped with the demo.
 */
public final class PublicSecurityFtpServer implements AutoCloseable {

    private final FtpServer server;
    private final int port;

    private PublicSecurityFtpServer(FtpServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Starts a server on {@code port} (0: a free one) serving {@code home} to {@code username}. */
    public static PublicSecurityFtpServer start(int port, Path home, String username, String password)
            throws IOException {
        return start(port, home, username, password, null);
    }

    /** As {@link #start(int, Path, String, String)}, speaking explicit FTPS (AUTH TLS) when {@code tls} is given. */
    public static PublicSecurityFtpServer start(int port, Path home, String username, String password,
            org.apache.ftpserver.ssl.SslConfiguration tls) throws IOException {
        Files.createDirectories(home);
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setPassiveAddress("127.0.0.1");
        data.setPassiveExternalAddress("127.0.0.1");
        if (tls != null) {
            listener.setSslConfiguration(tls);
            data.setSslConfiguration(tls);
        }
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        Listener created = listener.createListener();
        factory.addListener("default", created);
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName(username);
        user.setPassword(password);
        user.setHomeDirectory(home.toAbsolutePath().toString());
        user.setAuthorities(List.of(new WritePermission()));
        try {
            userManager.save(user);
            factory.setUserManager(userManager);
            FtpServer server = factory.createServer();
            server.start();
            return new PublicSecurityFtpServer(server, created.getPort());
        } catch (FtpException e) {
            throw new IOException("cannot start the demo FTP server on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.stop();
    }
}
