package org.exchangehub.source.file;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A test of the miniature hub reading a local drop folder: the folder, the lake and the hub, fresh for each test. */
abstract class LocalDropHubTest {

    @TempDir
    Path tmp;

    TestHub hub;
    Path drop;

    @BeforeEach
    void startHub() throws Exception {
        drop = Files.createDirectories(tmp.resolve("drop"));
        hub = new TestHub(tmp.resolve("lake"));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }
}
