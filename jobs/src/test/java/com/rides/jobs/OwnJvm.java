package com.rides.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The launcher in a JVM of its own ({@link JvmCommand}), also as a script for
 * RIDES_LAUNCHER: scripts/rides would build the project first, which must not start a
 * Maven build from inside the test phase of one.
 */
final class OwnJvm {

    private OwnJvm() {
    }

    static List<String> launcher() {
        return JvmCommand.launcher();
    }

    /** An executable script in {@code dir} that runs {@link #launcher()} with its arguments (for RIDES_LAUNCHER). */
    static Path script(Path dir) throws IOException {
        Path script = dir.resolve("rides");
        String quoted = launcher().stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
        Files.writeString(script, "#!/bin/sh\nexec " + quoted + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
