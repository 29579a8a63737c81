package com.rides.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's top folder, the one with scripts/local-cassandra. */
public final class RepoRoot {

    private RepoRoot() {
    }

    /**
     * Surefire passes {@code -Drides.root} (the parent pom sets it); an IDE run usually
     * does not, so walk up from the working directory (a module folder) instead.
     */
    public static Path find() {
        String property = System.getProperty("rides.root");
        if (property != null && !property.isBlank() && isRoot(Path.of(property))) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (isRoot(dir)) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (the folder with scripts/local-cassandra) "
                + "from " + Path.of("").toAbsolutePath() + "; pass -Drides.root=<checkout>");
    }

    private static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("scripts").resolve("local-cassandra"));
    }
}
