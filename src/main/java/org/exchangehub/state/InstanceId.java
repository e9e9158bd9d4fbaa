package org.exchangehub.state;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The default id of a hub instance, {@code hostname-pid}: unique among the processes sharing a state store. */
public final class InstanceId {

    private InstanceId() {
    }

    public static String ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
