package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.filesystem.nativefs.NativeFileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;
import org.apache.ftpserver.ftplet.UserManager;
import org.exchangehub.state.RunRecord;
import org.exchangehub.state.RunStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real FTP server whose listing of the drop folder also names files outside it ({@code ../x}, {@code /x}, names
 * with line breaks, as a hostile or broken server might): the source refuses them, touches nothing outside the
 * folder, and the run delivers the real drop.
 */
class HostileFtpListingTest {

    @TempDir
    Path tmp;

    private final List<String> hostileNames = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The source's log lines about listing entries during the run. */
    private final List<String> refusals = new ArrayList<>();
    private FtpServer server;
    private int port;
    private TestHub hub;
    private Path home;
    private Path drop;

    @BeforeEach
    void start() throws Exception {
        home = Files.createDirectories(tmp.resolve("ftp"));
        drop = Files.createDirectories(home.resolve("hukou"));
        Files.writeString(home.resolve("x"), "outside the drop folder");
        Files.writeString(home.resolve("x.ok"), "");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        FtpServerFactory factory = new FtpServerFactory();
        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress("127.0.0.1");
        listener.setPort(port);
        factory.addListener("default", listener.createListener());
        PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
        users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager userManager = users.createUserManager();
        BaseUser user = new BaseUser();
        user.setName("hub");
        user.setPassword("s3cret");
        user.setHomeDirectory(home.toString());
        user.setAuthorities(List.of(new WritePermission()));
        userManager.save(user);
        factory.setUserManager(userManager);
        factory.setFileSystem(hostile(new NativeFileSystemFactory()));
        server = factory.createServer();
        server.start();
        hub = new TestHub(tmp.resolve("lake"));
    }

    @AfterEach
    void stop() {
        hub.close();
        server.stop();
    }

    @Test
    void dotDotEntriesAreRefusedAndNothingOutsideTheFolderIsReadOrMoved() throws Exception {
        RunRecord run = runListingAlso("../x", "../x.ok");

        assertOnlyTheDropIsDeliveredAndNothingOutsideIsTouched(run);
        assertThat(refusals).contains("Refused a listing entry that is not a plain file name in the drop folder: '../x'");
    }

    @Test
    void absolutePathEntriesAreRefusedAndNothingOutsideTheFolderIsReadOrMoved() throws Exception {
        RunRecord run = runListingAlso("/x", "/x.ok");

        assertOnlyTheDropIsDeliveredAndNothingOutsideIsTouched(run);
        assertThat(refusals).contains("Refused a listing entry that is not a plain file name in the drop folder: '/x'",
                "Refused a listing entry that is not a plain file name in the drop folder: '/x.ok'");
    }

    @Test
    void entriesWithLineBreaksInTheirNamesAreNeitherReadNorMovedAndTheRunDeliversTheDrop() throws Exception {
        RunRecord run = runListingAlso("x\n.csv", "x\n.csv.ok", "../x\r\n.csv", "../x\r\n.csv.ok");

        assertOnlyTheDropIsDeliveredAndNothingOutsideIsTouched(run);
    }

    /** Drops HJRK_1.csv and runs the hub once while the listing of /hukou also names {@code names}. */
    private RunRecord runListingAlso(String... names) throws Exception {
        hostileNames.addAll(List.of(names));
        Persons.drop(drop, "HJRK_1.csv", Persons.csv(), Persons.GBK);
        hub.start("file-drop:ftp?host=127.0.0.1&port=" + port + "&username=hub&password=s3cret&directory=/hukou"
                + "&format=csv&charset=GBK&workDirectory=" + tmp.resolve("work"));
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(Readiness.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> lines =
                new ch.qos.logback.core.read.ListAppender<>();
        lines.start();
        log.addAppender(lines);
        try {
            return hub.run();
        } finally {
            log.detachAppender(lines);
            lines.list.forEach(e -> refusals.add(e.getFormattedMessage()));
        }
    }

    private void assertOnlyTheDropIsDeliveredAndNothingOutsideIsTouched(RunRecord run) throws Exception {
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(hub.lake()).extracting(r -> r.get("_source_key"))
                .containsExactly("HJRK_1.csv:2", "HJRK_1.csv:3", "HJRK_1.csv:4");
        assertThat(home.resolve("x")).hasContent("outside the drop folder");
        assertThat(home.resolve("x.ok")).exists();
        try (var left = Files.list(home)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("hukou", "x", "x.ok");
        }
        assertThat(drop.resolve("done")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("x"));
        assertThat(drop.resolve("done/HJRK_1.csv")).exists();
    }

    /** A file system whose listing of /hukou adds {@link #hostileNames}, each the real /x or (for .ok) /x.ok. */
    private org.apache.ftpserver.ftplet.FileSystemFactory hostile(NativeFileSystemFactory real) {
        return user -> {
            FileSystemView view = real.createFileSystemView(user);
            return new FileSystemView() {
                @Override public FtpFile getHomeDirectory() throws FtpException { return wrap(view.getHomeDirectory()); }
                @Override public FtpFile getWorkingDirectory() throws FtpException { return wrap(view.getWorkingDirectory()); }
                @Override public boolean changeWorkingDirectory(String dir) throws FtpException { return view.changeWorkingDirectory(dir); }
                @Override public FtpFile getFile(String file) throws FtpException { return wrap(view.getFile(file)); }
                @Override public boolean isRandomAccessible() throws FtpException { return view.isRandomAccessible(); }
                @Override public void dispose() { view.dispose(); }

                private FtpFile wrap(FtpFile f) throws FtpException {
                    if (!f.isDirectory() || !f.getAbsolutePath().equals("/hukou")) {
                        return f;
                    }
                    FtpFile outside = view.getFile("/x");
                    FtpFile outsideMarker = view.getFile("/x.ok");
                    return new Delegate(f) {
                        @Override
                        public List<? extends FtpFile> listFiles() {
                            List<FtpFile> files = new ArrayList<>(f.listFiles());
                            for (String name : hostileNames) {
                                files.add(renamed(name.endsWith(".ok") ? outsideMarker : outside, name));
                            }
                            return files;
                        }
                    };
                }
            };
        };
    }

    private static FtpFile renamed(FtpFile f, String name) {
        return new Delegate(f) {
            @Override
            public String getName() {
                return name;
            }
        };
    }

    /** Passes every call to the real file. */
    private static class Delegate implements FtpFile {
        private final FtpFile f;
        Delegate(FtpFile f) { this.f = f; }
        @Override public String getAbsolutePath() { return f.getAbsolutePath(); }
        @Override public String getName() { return f.getName(); }
        @Override public boolean isHidden() { return f.isHidden(); }
        @Override public boolean isDirectory() { return f.isDirectory(); }
        @Override public boolean isFile() { return f.isFile(); }
        @Override public boolean doesExist() { return f.doesExist(); }
        @Override public boolean isReadable() { return f.isReadable(); }
        @Override public boolean isWritable() { return f.isWritable(); }
        @Override public boolean isRemovable() { return f.isRemovable(); }
        @Override public String getOwnerName() { return f.getOwnerName(); }
        @Override public String getGroupName() { return f.getGroupName(); }
        @Override public int getLinkCount() { return f.getLinkCount(); }
        @Override public long getLastModified() { return f.getLastModified(); }
        @Override public boolean setLastModified(long time) { return f.setLastModified(time); }
        @Override public long getSize() { return f.getSize(); }
        @Override public Object getPhysicalFile() { return f.getPhysicalFile(); }
        @Override public boolean mkdir() { return f.mkdir(); }
        @Override public boolean delete() { return f.delete(); }
        @Override public boolean move(FtpFile destination) { return f.move(destination); }
        @Override public List<? extends FtpFile> listFiles() { return f.listFiles(); }
        @Override public OutputStream createOutputStream(long offset) throws IOException { return f.createOutputStream(offset); }
        @Override public InputStream createInputStream(long offset) throws IOException { return f.createInputStream(offset); }
    }

}
