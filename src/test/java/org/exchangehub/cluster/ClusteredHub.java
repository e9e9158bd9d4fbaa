package org.exchangehub.cluster;

import java.util.Map;

import org.exchangehub.delivery.CrashableHub;

/**
 * One hub instance of a cluster, as a process of its own for {@link ClusterFailoverIT}: the real application on its
 * schedules, reading the market-regulation register from a database every instance and the test open
 * ({@code -Dcluster.source-url}); it runs until it is killed.
 */
public final class ClusteredHub {

    private ClusteredHub() {
    }

    public static void main(String[] args) {
        CrashableHub.start(System.getProperty("cluster.source-url"), Map.of("camel.main.run-controller", "true"), args);
    }
}
