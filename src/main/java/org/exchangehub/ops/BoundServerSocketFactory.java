package org.exchangehub.ops;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.rmi.server.RMIServerSocketFactory;
import java.util.Objects;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * RMI server sockets bound to one address (loopback by default), plain or TLS. Equal factories let the
 * registry and the connector share one port.
 */
final class BoundServerSocketFactory implements RMIServerSocketFactory {

    private final InetAddress bind;
    private final SSLContext ssl;
    private final boolean clientAuth;

    BoundServerSocketFactory(InetAddress bind, SSLContext ssl, boolean clientAuth) {
        this.bind = bind;
        this.ssl = ssl;
        this.clientAuth = clientAuth;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        if (ssl == null) {
            return new ServerSocket(port, 0, bind);
        }
        SSLServerSocket socket = (SSLServerSocket) ssl.getServerSocketFactory().createServerSocket(port, 0, bind);
        socket.setNeedClientAuth(clientAuth);
        return socket;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BoundServerSocketFactory other && bind.equals(other.bind) && ssl == other.ssl
                && clientAuth == other.clientAuth;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bind, ssl, clientAuth);
    }
}
