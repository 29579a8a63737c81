package com.rides;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The reason a write failed, from the real failures of the local file system. */
class IoErrorsTest {

    private static String reason(Path target) {
        IOException e = assertThrows(IOException.class, () -> Files.writeString(target, "x"));
        return IoErrors.reason(e, target);
    }

    @Test
    void aFileSystemThatTakesNoNewFilesIsNamed() {
        assertEquals("the file system of /proc does not let files be created there", reason(Path.of("/proc/report.html")));
    }

    @Test
    void aMissingFolderAFileInTheWayAndAFolderAsTargetAreNamed(@TempDir Path tmp) throws IOException {
        assertEquals("no such directory: " + tmp.resolve("missing"), reason(tmp.resolve("missing/report.html")));
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertEquals("not a directory", reason(file.resolve("report.html")));
        assertEquals("is a directory", reason(tmp));
    }
}
