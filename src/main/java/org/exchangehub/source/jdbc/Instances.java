package org.exchangehub.source.jdbc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The name this hub instance claims split-load key ranges under: {@code -Dhub.instance-id}, else the environment's
 * {@code HUB_INSTANCE_ID}, else the host name. A restarted instance under the same name takes back at once the
 * ranges it held when it stopped; those of another instance are given back only once their claim went stale.
 */
final class Instances {

    private static final String ID = resolve();

    private Instances() {
    }

    static String id() {
        return ID;
    }

    private static String resolve() {
        String configured = System.getProperty("hub.instance-id");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("HUB_INSTANCE_ID");
        }
        if (configured != null && !configured.isBlank()) {
            return configured.trim();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "local";
        }
    }
}
