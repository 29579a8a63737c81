package com.rides.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.testing.LocalCassandraScript.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** scripts/local-cassandra against real nodes: slow (node starts), so all in one class. */
class LocalCassandraScriptTest {

    private final LocalCassandraScript script = new LocalCassandraScript(RepoRoot.find());

    @TempDir
    Path tmp;

    @Test
    void startStatusStopAndRestartKeepsTheData() {
        // The script as each test JVM's own node runs it (no schema flushes, under Maven):
        // the keyspace made below must survive a stop and a start all the same.
        LocalCassandraScript shared = LocalCassandraScript.withTestFlags(RepoRoot.find());
        Path data = tmp.resolve("node");
        int port = FreePorts.cqlPort();
        try {
            Result start = shared.start(port, data);
            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains("started (pid "), start.output());
            assertTrue(Files.isRegularFile(data.resolve("cassandra.pid")));
            assertTrue(Files.isRegularFile(data.resolve("logs/system.log")));
            // The flags (the pom's, through LOCAL_CASSANDRA_JVM_OPTS) reach the node's JVM.
            String commandLine = commandLine(data);
            for (String flag : shared.nodeFlags().split(" ")) {
                assertTrue(commandLine.contains(flag), flag + " is missing from the node's command line: " + commandLine);
            }

            Result status = shared.status(data);
            assertEquals(0, status.exitCode(), status.output());
            assertTrue(status.output().contains("answers CQL: yes"), status.output());

            Result again = shared.start(port, data);
            assertEquals(0, again.exitCode(), again.output());
            assertTrue(again.output().startsWith("already running (pid "), again.output());

            try (CqlSession session = session(port)) {
                session.execute("CREATE KEYSPACE lifecycle WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
                session.execute("CREATE TABLE lifecycle.kv (k int PRIMARY KEY, v text)");
                session.execute("INSERT INTO lifecycle.kv (k, v) VALUES (1, 'kept')");
            }

            Result stop = shared.stop(data);
            assertEquals(0, stop.exitCode(), stop.output());
            assertTrue(stop.output().startsWith("stopped (pid "), stop.output());
            assertFalse(Files.exists(data.resolve("cassandra.pid")));

            Result down = shared.status(data);
            assertEquals(3, down.exitCode(), down.output());
            assertTrue(down.output().startsWith("not running"), down.output());

            Result stopAgain = shared.stop(data);
            assertEquals(0, stopAgain.exitCode(), stopAgain.output());
            assertTrue(stopAgain.output().startsWith("not running"), stopAgain.output());

            Result restart = shared.start(port, data);
            assertEquals(0, restart.exitCode(), restart.output());
            try (CqlSession session = session(port)) {
                Row row = session.execute("SELECT v FROM lifecycle.kv WHERE k = 1").one();
                assertNotNull(row, "the row written before the restart is gone");
                assertEquals("kept", row.getString("v"));
            }

            // Another node may not take the port of a running one.
            Result clash = shared.start(port, tmp.resolve("other"));
            assertNotEquals(0, clash.exitCode(), clash.output());
            assertEquals("local-cassandra: port " + port + " is in use by another process", clash.output());
        } finally {
            shared.stop(data);
        }
    }

    @Test
    void refusesAPortThatSomethingElseHolds() throws IOException {
        int port = FreePorts.cqlPort();
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Result result = script.start(port, tmp.resolve("busy"));
            assertNotEquals(0, result.exitCode(), result.output());
            assertEquals("local-cassandra: port " + port + " is in use by another process", result.output());
        }
        assertFalse(Files.exists(tmp.resolve("busy/cassandra.pid")), "no node may have been started");
    }

    @Test
    void refusesWhenADerivedPortIsBusy() throws IOException {
        int port = FreePorts.cqlPort();
        int storage = port + FreePorts.STORAGE_OFFSET;
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), storage));
            Result result = script.start(port, tmp.resolve("busy"));
            assertNotEquals(0, result.exitCode(), result.output());
            assertTrue(result.output().contains("port " + storage + " (storage port"), result.output());
        }
    }

    @Test
    void statusAndStopOfANodeThatNeverRan() {
        Path never = tmp.resolve("never");
        Result status = script.status(never);
        assertEquals(3, status.exitCode(), status.output());
        assertTrue(status.output().startsWith("not running"), status.output());
        Result stop = script.stop(never);
        assertEquals(0, stop.exitCode(), stop.output());
    }

    @Test
    void badUsageIsOneLineAndNonZero() {
        for (String[] args : new String[][] {{"start", "--bogus"}, {"restart"}, {}, {"start", "--port", "99999"},
                {"status", "--auth"}}) {
            Result result = script.run(args);
            assertNotEquals(0, result.exitCode(), result.output());
            assertEquals(1, result.output().lines().count(), result.output());
        }
        Result help = script.run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.output().startsWith("usage: scripts/local-cassandra start|stop|status"), help.output());
    }

    /**
     * A new node's gossip shadow round gets about a second (the script's ring_delay_ms=0);
     * a seed too busy to answer in that time (a loaded CI machine) made the node exit, and
     * the whole cluster start with it. Here the seed is held still with SIGSTOP from the
     * moment node 2 is launched until node 2 has given up, which is that situation made certain.
     */
    @Test
    void aNewNodeThatFindsNoSeedToGossipWithIsLaunchedAgain() throws Exception {
        Path data = tmp.resolve("cluster");
        int port = FreePorts.cqlPort(2);
        Thread pauser = new Thread(() -> holdTheSeedWhileNode2Starts(data), "hold-seed");
        pauser.start();
        try {
            Result start = script.run("start", "--cluster", "t:2", "--port", String.valueOf(port),
                    "--data", data.toString());
            pauser.join();
            assertEquals(0, start.exitCode(), start.output());
            assertTrue(start.output().contains(
                    "node2 (127.0.0.2, t) found no peer to gossip with; launching it again (1 of 2)"), start.output());
            Result status = script.status(data);
            assertEquals(0, status.exitCode(), status.output());
        } finally {
            pauser.interrupt();
            pauser.join();
            script.stop(data);
        }
    }

    /**
     * SIGSTOPs the seed as soon as node 2 is launched and lets it go on only once node 2 has
     * given up its shadow round (its log says so; the script moves that log aside when it
     * launches the node again), or after two minutes, when the test's assertions fail.
     */
    private static void holdTheSeedWhileNode2Starts(Path data) {
        Path node2Pid = data.resolve("node2/cassandra.pid");
        Path logs = data.resolve("node2/logs");
        String seed = null;
        try {
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (!(Files.isRegularFile(node2Pid) && Files.size(node2Pid) > 0)) {
                if (System.nanoTime() > deadline) {
                    return;
                }
                Thread.sleep(20);
            }
            seed = Files.readString(data.resolve("node1/cassandra.pid")).strip();
            signal("-STOP", seed);
            long release = System.nanoTime() + 120_000_000_000L;
            while (!(says(logs.resolve("system.log"), GAVE_UP) || says(logs.resolve("system.log.1"), GAVE_UP))
                    && System.nanoTime() < release) {
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (seed != null) {
                signal("-CONT", seed);
            }
        }
    }

    private static final String GAVE_UP = "Unable to gossip with any peers";

    private static boolean says(Path log, String text) throws IOException {
        return Files.isRegularFile(log) && Files.readString(log).contains(text);
    }

    /** Sends the signal even when the thread was interrupted: a seed left stopped would hang the run. */
    private static void signal(String signal, String pid) {
        boolean interrupted = Thread.interrupted();
        try {
            int exit = new ProcessBuilder("kill", signal, pid).inheritIO().start().waitFor();
            assertEquals(0, exit, "kill " + signal + " " + pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static CqlSession session(int port) {
        return CassandraSessions.open(RidesConfig.builder().hosts("127.0.0.1:" + port).build());
    }

    /** The node's JVM command line, from /proc (Linux, where these tests run). */
    private static String commandLine(Path data) {
        try {
            String pid = Files.readString(data.resolve("cassandra.pid")).strip();
            return Files.readString(Path.of("/proc", pid, "cmdline")).replace('\0', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
