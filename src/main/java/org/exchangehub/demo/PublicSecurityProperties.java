package org.exchangehub.demo;

import java.nio.file.Path;

import org.exchangehub.config.ConfigException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo public-security department ({@code hub.demo.public-security.*}): its embedded FTP server
 * and the files it drops.
 *
 * @param port     FTP port on 127.0.0.1; 0 picks a free one
 * @param home     the FTP server's home folder; the drops go to {@code hukou/daily} and {@code hukou/legacy}
 * @param username the hub's FTP account
 * @param password its password (demo only)
 * @param csvRows  residents in the CSV drop
 * @param fixedRows residents in the fixed-width drop
 * @param seed     generator seed: the same seed gives the same residents
 */
@ConfigurationProperties("hub.demo.public-security")
public record PublicSecurityProperties(@DefaultValue("2121") int port,
                                       @DefaultValue("data/demo/ftp") Path home,
                                       @DefaultValue("hub") String username,
                                       @DefaultValue("hub-demo") String password,
                                       @DefaultValue("500") int csvRows,
                                       @DefaultValue("300") int fixedRows,
                                       @DefaultValue("20261127") long seed) {

    private static final String PREFIX = "hub.demo.public-security.";

    public PublicSecurityProperties {
        if (port < 0 || port > 65535) {
            throw new ConfigException("application.yml", PREFIX + "port", String.valueOf(port), "is not a port",
                    "use 1024-65535, or 0 for a free port");
        }
        if (csvRows < 0 || csvRows > 1_000_000 || fixedRows < 0 || fixedRows > 1_000_000) {
            throw new ConfigException("application.yml", PREFIX + "csv-rows/fixed-rows", csvRows + "/" + fixedRows,
                    "must be between 0 and 1000000", "use e.g. 500");
        }
    }
}
