package org.exchangehub.demo;

import java.time.Duration;
import java.util.regex.Pattern;
import org.exchangehub.config.ConfigException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo departments ({@code hub.demo.*}), checked when bound so a bad value stops start-up with a
 * message naming the key and the fix.
 *
 * @param enabled          whether the demo departments run ({@code hub.demo.enabled})
 * @param marketRegulation the simulated market-regulation register ({@code hub.demo.market-regulation.*})
 */
@ConfigurationProperties("hub.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue MarketRegulation marketRegulation) {

    static final String FILE = "application.yml";
    static final int MAX_ROWS = 10_000_000;
    static final int MAX_TRICKLE = 10_000;

    /**
     * The simulated market-regulation enterprise register.
     *
     * @param databaseName    name of the in-memory H2 database ({@code jdbc:h2:mem:<name>})
     * @param rows            rows seeded at start-up when the table is empty
     * @param trickleInterval pause between two trickles of inserts and updates
     * @param trickleInserts  rows inserted per trickle
     * @param trickleUpdates  existing rows changed per trickle
     * @param seed            generator seed: the same seed gives the same enterprises
     */
    public record MarketRegulation(@DefaultValue("market-regulation") String databaseName,
                                   @DefaultValue("3000") int rows,
                                   @DefaultValue("20s") Duration trickleInterval,
                                   @DefaultValue("5") int trickleInserts,
                                   @DefaultValue("3") int trickleUpdates,
                                   @DefaultValue("20260101") long seed) {

        private static final String PREFIX = "hub.demo.market-regulation.";
        private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

        public MarketRegulation {
            if (databaseName == null || !DATABASE_NAME.matcher(databaseName).matches()) {
                throw new ConfigException(FILE, PREFIX + "database-name", databaseName,
                        "must be 1 to 64 letters, digits, '-' or '_'", "use a plain name such as market-regulation");
            }
            if (rows < 0 || rows > MAX_ROWS) {
                throw new ConfigException(FILE, PREFIX + "rows", String.valueOf(rows),
                        "must be between 0 and " + MAX_ROWS, "set a row count such as 3000");
            }
            if (trickleInterval == null || trickleInterval.isNegative() || trickleInterval.isZero()) {
                throw new ConfigException(FILE, PREFIX + "trickle-interval", String.valueOf(trickleInterval),
                        "must be a positive duration", "set a duration such as 20s");
            }
            if (trickleInserts < 0 || trickleInserts > MAX_TRICKLE) {
                throw new ConfigException(FILE, PREFIX + "trickle-inserts", String.valueOf(trickleInserts),
                        "must be between 0 and " + MAX_TRICKLE, "set a small count such as 5");
            }
            if (trickleUpdates < 0 || trickleUpdates > MAX_TRICKLE) {
                throw new ConfigException(FILE, PREFIX + "trickle-updates", String.valueOf(trickleUpdates),
                        "must be between 0 and " + MAX_TRICKLE, "set a small count such as 3");
            }
        }

        /** The JDBC URL of the in-memory database, kept open until the JVM ends. */
        public String jdbcUrl() {
            return "jdbc:h2:mem:" + databaseName + ";DB_CLOSE_DELAY=-1";
        }
    }
}
