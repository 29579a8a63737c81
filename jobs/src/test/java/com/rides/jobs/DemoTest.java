package com.rides.jobs;

import com.rides.testing.RunningProcess;
import com.rides.testing.FreePorts;
import com.rides.testing.LocalCassandraScript;
import com.rides.testing.RepoRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/demo on a port other than 9042 (a tiny data set): it starts its own node there,
 * says so in its last line, and `local-cassandra status` without --port finds that node;
 * run again, it says the node was already running. Its own Cassandra, not the extension's.
 */
class DemoTest {

    final Path root = RepoRoot.find();

    @Test
    void theDemoRunsOnAnotherPortAndItsLastLineIsTrue(@TempDir Path tmp) throws Exception {
        int port = FreePorts.cqlPort();
        Path launcher = OwnJvm.script(tmp);
        LocalCassandraScript script = new LocalCassandraScript(root);
        try {
            String first = demo(port, launcher, 2);
            assertTrue(first.contains("== local Cassandra on port " + port), first);
            assertTrue(first.contains("Top classes: most_taken, by rides") && first.contains("Leaderboard of "), first);
            assertTrue(lastLine(first).matches("demo finished in \\d+ s\\. The Cassandra it started keeps running on "
                    + "127\\.0\\.0\\.1:" + port + " for you: scripts/local-cassandra stop --port " + port), first);

            LocalCassandraScript.Result status = script.run("status");
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("port " + port + ", answers CQL: yes"), status.output());

            String second = demo(port, launcher, 1);
            assertTrue(lastLine(second).matches("demo finished in \\d+ s, on the Cassandra that was already running "
                    + "on 127\\.0\\.0\\.1:" + port + " \\(left running\\)"), second);
        } finally {
            LocalCassandraScript.Result stop = script.run("stop", "--port", Integer.toString(port));
            assertEquals(0, stop.exitCode(), stop.output());
            deleteRecursively(root.resolve(".local-cassandra").resolve(Integer.toString(port)));
        }
    }

    private String demo(int port, Path launcher, int days) {
        Map<String, String> env = new HashMap<>(Map.of("DEMO_PORT", Integer.toString(port), "DEMO_USERS", "3",
                "DEMO_CLASSES", "2", "DEMO_DAYS", Integer.toString(days), "RIDES_LAUNCHER", launcher.toString()));
        env.put("RIDES_CASSANDRA_HOSTS", null);
        env.putAll(LocalCassandraScript.nodeJvm());
        RunningProcess.Result r = RunningProcess.exec(List.of("bash", root.resolve("scripts/demo").toString()), env,
                line -> { }, 10);
        assertEquals(0, r.code(), r.output());
        return r.output();
    }

    private static String lastLine(String text) {
        List<String> lines = text.strip().lines().toList();
        return lines.get(lines.size() - 1);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
