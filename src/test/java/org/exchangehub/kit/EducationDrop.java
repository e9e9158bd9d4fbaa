package org.exchangehub.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.exchangehub.demo.PublicSecurityFtpServer;
import org.exchangehub.standards.IdNumbers;
import org.exchangehub.testing.HubTestSupport;

/**
 * A department the demo does not have: the education department (教育厅), whose student register drops
 * {@code XJ_<n>.csv} (GBK, Chinese headers) with a {@code .ok} marker on its own FTP server (Apache MINA). The
 * feed is {@code src/test/resources/kit/education/routes/education-students.yaml}.
 */
final class EducationDrop implements AutoCloseable {

    static final String FEED = "education.students";
    static final String USER = "xueji";
    static final String PASSWORD = "Xj-2026!";
    static final Charset GBK = Charset.forName("GBK");
    static final String ROUTES = "file:src/test/resources/kit/education/routes/*.yaml";

    private static final AtomicInteger FILES = new AtomicInteger();

    final Path home = HubTestSupport.tempDir("education-ftp");
    final Path drop;
    private final PublicSecurityFtpServer ftp;

    EducationDrop() {
        try {
            drop = Files.createDirectories(home.resolve("xueji"));
            ftp = PublicSecurityFtpServer.start(0, home, USER, PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the education department's FTP server", e);
        }
    }

    int port() {
        return ftp.port();
    }

    /** Drops a new file of {@code students} rows and its marker; returns the file's name. */
    String dropStudents(int students) {
        int n = FILES.incrementAndGet();
        List<String> lines = new ArrayList<>(List.of("学生姓名,公民身份号码,性别,出生日期,户籍地行政区划代码"));
        for (int i = 1; i <= students; i++) {
            String first17 = "350102" + "2012" + "0601" + String.format("%03d", (n * 37 + i) % 1000);
            String id = first17 + IdNumbers.checkChar(first17);
            lines.add("学生" + n + "-" + i + "," + id + "," + IdNumbers.sexCode(id).replace("1", "男").replace("2", "女")
                    + ",2012-06-01,350102");
        }
        String name = "XJ_" + n + ".csv";
        try {
            Files.write(drop.resolve(name), (String.join("\r\n", lines) + "\r\n").getBytes(GBK));
            Files.writeString(drop.resolve(name + ".ok"), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return name;
    }

    /** Empties the drop folder (done/ included). */
    void clear() {
        try (var files = Files.walk(drop)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!f.equals(drop)) {
                    Files.delete(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A config folder: the project's catalogue and codes, and the education department's mapping. */
    static Path config() {
        Path config = HubTestSupport.tempDir("education-config");
        try {
            for (String sub : List.of("catalogue", "codes")) {
                Files.createDirectories(config.resolve(sub));
                try (var files = Files.list(Path.of("config", sub))) {
                    for (Path f : files.toList()) {
                        Files.copy(f, config.resolve(sub).resolve(f.getFileName()));
                    }
                }
            }
            Files.createDirectories(config.resolve("mappings"));
            Files.copy(Path.of("src/test/resources/kit/education/mappings/education-students.yaml"),
                    config.resolve("mappings/education-students.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void close() {
        ftp.close();
    }
}
