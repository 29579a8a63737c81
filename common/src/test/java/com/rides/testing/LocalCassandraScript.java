package com.rides.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code scripts/local-cassandra} and hands back its exit code and output. */
public final class LocalCassandraScript {

    /** The script's own start timeout is 180 s; this only guards against a hung script. */
    private static final long MAX_MINUTES = 10;


    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path script;
    private final Map<String, String> jvm;

    /** The script, whose nodes get the tests' JIT ({@link #nodeJvm}). */
    public LocalCassandraScript(Path repoRoot) {
        this(repoRoot, nodeJvm());
    }

    private LocalCassandraScript(Path repoRoot, Map<String, String> jvm) {
        this.script = repoRoot.resolve("scripts").resolve("local-cassandra");
        this.jvm = jvm;
    }

    /**
     * The script with the tests' JIT and the pom's rides.test.cassandra.flags, which stop a
     * node flushing its schema tables after every schema change (the change stays in the
     * commit log, as any write, and a graceful stop flushes it). A test that SIGKILLs such a
     * node flushes them first ({@code LocalClusters.kill}): a node loads its schema from disk
     * before it replays its commit log, so one killed with its schema unflushed and restarted
     * did not know a keyspace made before ("keyspace t_loss_two does not exist", NodeLossIT,
     * 2026-12-07).
     */
    public static LocalCassandraScript withTestFlags(Path repoRoot) {
        return new LocalCassandraScript(repoRoot, nodeOpts(System.getProperty("rides.test.cassandra.flags", "") + " "
                + System.getProperty("rides.test.cassandra.jvm", "")));
    }

    public Result start(int port, Path dataDir) {
        return run("start", "--port", Integer.toString(port), "--data", dataDir.toString());
    }

    /** As {@link #start}, with a heap of its own (LOCAL_CASSANDRA_HEAP, e.g. "2G"). */
    public Result start(int port, Path dataDir, String heap) {
        return run(Map.of("LOCAL_CASSANDRA_HEAP", heap), "start", "--port", Integer.toString(port), "--data",
                dataDir.toString());
    }

    public Result stop(Path dataDir) {
        return run("stop", "--data", dataDir.toString());
    }

    public Result status(Path dataDir) {
        return run("status", "--data", dataDir.toString());
    }

    /**
     * The environment that gives the nodes the tests start their JVM flags: the pom's
     * rides.test.cassandra.jvm (C1 only), unless LOCAL_CASSANDRA_JVM_OPTS is set already.
     * Also for scripts that start a node themselves (the demo).
     */
    public static Map<String, String> nodeJvm() {
        return nodeOpts(System.getProperty("rides.test.cassandra.jvm", ""));
    }

    /** LOCAL_CASSANDRA_JVM_OPTS of {@code flags}: none when blank, or when the environment sets it already. */
    private static Map<String, String> nodeOpts(String flags) {
        return flags.isBlank() || System.getenv("LOCAL_CASSANDRA_JVM_OPTS") != null
                ? Map.of() : Map.of("LOCAL_CASSANDRA_JVM_OPTS", flags.strip());
    }

    /** The flags this script gives the nodes it starts (LOCAL_CASSANDRA_JVM_OPTS), empty for none. */
    public String nodeFlags() {
        return jvm.getOrDefault("LOCAL_CASSANDRA_JVM_OPTS", "");
    }

    public Result run(String... args) {
        return run(Map.of(), args);
    }

    private Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        Map<String, String> all = new HashMap<>(jvm);
        all.putAll(env);
        // Its output read as it comes, so that the timeout holds even if a node it started
        // kept the script's output open.
        RunningProcess.Result r = RunningProcess.exec(command, all, line -> { }, MAX_MINUTES);
        return new Result(r.code(), r.output().strip());
    }
}
