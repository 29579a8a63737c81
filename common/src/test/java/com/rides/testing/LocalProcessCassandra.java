package com.rides.testing;

import com.rides.config.RidesConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/** A node run by scripts/local-cassandra for the lifetime of one test JVM. */
final class LocalProcessCassandra implements CassandraNode {

    private static final int START_ATTEMPTS = 3;

    private final LocalCassandraScript script;
    private final Path dataDir;
    private final int port;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook;

    private LocalProcessCassandra(LocalCassandraScript script, Path dataDir, int port) {
        this.script = script;
        this.dataDir = dataDir;
        this.port = port;
        // The node lives as long as the test JVM (CassandraExtension keeps one per JVM) and stops
        // with it: a node left running would hold 1 GB and its ports until someone kills it.
        this.shutdownHook = new Thread(this::stop, "stop-local-cassandra");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The heap of the node a test JVM shares across its classes, above the scripts' 1 GB: when
     * the classes left their keyspaces behind (some 20 keyspaces and 360 tables by the end of
     * a JVM), a node of 1 GB ran out of heap after 25 minutes of the suite (its old generation
     * held 450 MB after 7 minutes, 1 GB after 24). They are dropped after each passing class
     * now, but a failed class's stay, and one JVM runs every class of a module.
     */
    static final String HEAP = "2G";

    static LocalProcessCassandra start(Path dataDir) {
        LocalCassandraScript script = LocalCassandraScript.withTestFlags(RepoRoot.find());
        // A JVM killed earlier leaves its node running on this dir: stop it, then start
        // from an empty dir so no schema from another branch or run leaks in.
        script.stop(dataDir);
        deleteRecursively(dataDir);
        LocalCassandraScript.Result last = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = FreePorts.cqlPort();
            last = script.start(port, dataDir, HEAP);
            if (last.ok()) {
                return new LocalProcessCassandra(script, dataDir, port);
            }
            if (!last.output().contains("is in use")) {
                break; // only a port taken between the check and the start is worth a retry
            }
        }
        throw new IllegalStateException("scripts/local-cassandra could not start a node for the tests:\n"
                + last.output());
    }

    @Override
    public RidesConfig.Builder config() {
        // Plain defaults, not the environment: RIDES_* credentials belong to an external cluster.
        return RidesConfig.builder().hosts("127.0.0.1:" + port);
    }

    @Override
    public String describe() {
        return "local Cassandra process on 127.0.0.1:" + port + " (data " + dataDir + ")";
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run; stop() is idempotent
        }
    }

    private void stop() {
        if (stopped.compareAndSet(false, true)) {
            LocalCassandraScript.Result result = script.stop(dataDir);
            if (!result.ok()) {
                System.err.println("scripts/local-cassandra stop failed: " + result.output());
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }
}
