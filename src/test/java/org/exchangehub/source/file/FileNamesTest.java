package org.exchangehub.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void plainNamesIncludingChineseOnesAreAccepted() {
        assertThat(FileNames.isPlain("HJRK_20261127.csv")).isTrue();
        assertThat(FileNames.isPlain("户籍人口.csv")).isTrue();
    }

    @Test
    void namesThatCouldLeaveTheFolderAreRefused() {
        for (String hostile : new String[] {"../x", "..", ".", "/etc/passwd", "a/b", "..\\x", "C:\\x", "C:x", "a\u0000b",
            "x\n.csv", ""}) {
            assertThat(FileNames.isPlain(hostile)).as(hostile).isFalse();
        }
    }
}
