package com.rides.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Test JVMs side by side never share a node's folder: each claim takes the next free one. */
class DataDirClaimTest {

    @Test
    void aClaimedFolderIsNotHandedOutAgain(@TempDir Path build) {
        assertEquals(build.resolve("node"), CassandraExtension.claimFolder(build, "node"));
        assertEquals(build.resolve("node-2"), CassandraExtension.claimFolder(build, "node"));
        assertEquals(build.resolve("node-3"), CassandraExtension.claimFolder(build, "node"));
        assertEquals(build.resolve("other"), CassandraExtension.claimFolder(build, "other"));
    }
}
