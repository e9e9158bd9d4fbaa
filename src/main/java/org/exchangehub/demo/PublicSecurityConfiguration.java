package org.exchangehub.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo public-security department: an embedded FTP server on 127.0.0.1 whose drop area holds the night's
 * household-registration files (GBK CSV in {@code hukou/daily}, GBK fixed-width in {@code hukou/legacy}, each with
 * its done-marker). It publishes the server's address as {@code public-security.ftp.*}, the settings the
 * department's routes read, so the routes are the same as for the real server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.demo.enabled", havingValue = "true")
@EnableConfigurationProperties(PublicSecurityProperties.class)
public final class PublicSecurityConfiguration {

    static final String CSV_NAME = "HJRK_20261127.csv";
    static final String FIXED_NAME = "CZRK_20261127.dat";

    private static final Logger log = LoggerFactory.getLogger(PublicSecurityConfiguration.class);

    @Bean(destroyMethod = "close")
    PublicSecurityFtpServer publicSecurityFtpServer(PublicSecurityProperties properties,
                                                    ConfigurableEnvironment environment) throws IOException {
        dropIfAbsent(properties);
        PublicSecurityFtpServer server = PublicSecurityFtpServer.start(properties.port(), properties.home(),
                properties.username(), properties.password());
        environment.getPropertySources().addFirst(new MapPropertySource("publicSecurityDemo", Map.of(
                "public-security.ftp.host", "127.0.0.1",
                "public-security.ftp.port", String.valueOf(server.port()),
                "public-security.ftp.username", properties.username(),
                "public-security.ftp.password", properties.password())));
        log.info("Public security demo FTP server on 127.0.0.1:{}, home {}", server.port(),
                properties.home().toAbsolutePath());
        return server;
    }

    /** Drops the night's files unless they are already there, delivered (done/) or set aside (error/). */
    static void dropIfAbsent(PublicSecurityProperties properties) throws IOException {
        PublicSecurityGenerator generator = new PublicSecurityGenerator(properties.seed());
        List<PublicSecurityPerson> csv = generator.persons(properties.csvRows(), true);
        List<PublicSecurityPerson> fixed = generator.persons(properties.fixedRows(), true);
        Path daily = properties.home().resolve("hukou/daily");
        Path legacy = properties.home().resolve("hukou/legacy");
        if (absent(daily, CSV_NAME)) {
            PublicSecurityDrop.writeCsv(daily, CSV_NAME, csv);
            log.info("Public security demo dropped {} residents in hukou/daily/{}", csv.size(), CSV_NAME);
        }
        if (absent(legacy, FIXED_NAME)) {
            PublicSecurityDrop.writeFixed(legacy, FIXED_NAME, fixed);
            log.info("Public security demo dropped {} residents in hukou/legacy/{}", fixed.size(), FIXED_NAME);
        }
    }

    private static boolean absent(Path dir, String name) {
        return !Files.exists(dir.resolve(name)) && !Files.exists(dir.resolve("done").resolve(name))
                && !Files.exists(dir.resolve("error").resolve(name));
    }
}
