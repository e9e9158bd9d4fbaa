package org.exchangehub.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.exchangehub.config.ConfigException;

/** Checks {@code hub.cluster.*} at start-up: a bad setting stops the hub with the key, the value and the fix. */
final class ClusterSettings {

    static final String FILE = "application configuration";
    private static final Duration MIN_LEASE = Duration.ofSeconds(2);
    private static final Duration MAX_LEASE = Duration.ofMinutes(10);

    private ClusterSettings() {
    }

    static void check(ClusterProperties cluster, boolean once) {
        if (!cluster.enabled()) {
            return;
        }
        if (once) {
            throw new ConfigException(FILE, "hub.cluster.enabled", "true", "cannot be combined with --once: a one-shot"
                    + " run runs every feed on this instance", "run --once without hub.cluster.enabled, or start the"
                            + " instance without --once");
        }
        String service = cluster.service() == null ? "" : cluster.service().trim();
        if (!service.equals("jdbc") && !service.equals("file")) {
            throw new ConfigException(FILE, "hub.cluster.service", cluster.service(), "names no cluster service",
                    "use jdbc (leases in the shared state store) or file (a folder every instance shares)");
        }
        Duration lease = cluster.lease();
        if (lease == null || lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0) {
            throw new ConfigException(FILE, "hub.cluster.lease", String.valueOf(lease), "must be between "
                    + MIN_LEASE.toSeconds() + " s and " + MAX_LEASE.toMinutes() + " min", "give a lease such as 15s:"
                            + " a feed moves this long after its leader died");
        }
        if (cluster.instance().length() > 200) {
            throw new ConfigException(FILE, "hub.cluster.instance-id", cluster.instance(), "is longer than 200"
                    + " characters", "give a shorter id, e.g. the host name");
        }
        if (service.equals("file")) {
            if (cluster.fileRoot() == null || cluster.fileRoot().isBlank()) {
                throw new ConfigException(FILE, "hub.cluster.file-root", "", "is required by hub.cluster.service=file",
                        "name a folder every instance shares (e.g. an NFS mount), or use hub.cluster.service=jdbc");
            }
            Path root = Path.of(cluster.fileRoot().trim());
            if (Files.exists(root) && !Files.isDirectory(root)) {
                throw new ConfigException(FILE, "hub.cluster.file-root", cluster.fileRoot(), "is a file, not a folder",
                        "name a folder every instance shares");
            }
        }
    }
}
