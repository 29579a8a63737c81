package com.rides.jobs;

import com.rides.testing.RunningProcess;
import com.rides.config.RidesConfig;
import com.rides.testing.FreePorts;
import com.rides.testing.LocalCassandraScript;
import com.rides.testing.RepoRoot;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import javax.management.ObjectName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The place the jobs are meant for, on this machine, for the cluster tests of one JVM:
 * a Cassandra of four nodes in two data centres ({@value #SPEC}: the app's DC and an
 * analytics DC, node K on 127.0.0.K, scripts/local-cassandra --cluster) and a Spark
 * standalone cluster of two Workers whose executors are JVMs of their own
 * (scripts/local-spark). Both are started once, shared by the test classes, and
 * stopped when the JVM's tests end. Nodes can be stopped, killed and started again.
 */
final class LocalClusters implements ExtensionContext.Store.CloseableResource {

    static final String APP = "app";
    static final String ANALYTICS = "analytics";
    static final String SPEC = APP + ":3," + ANALYTICS + ":1";
    /** Node numbers of each data centre, as scripts/local-cassandra numbers them. */
    static final List<Integer> APP_NODES = List.of(1, 2, 3);
    static final int ANALYTICS_NODE = 4;
    static final int NODES = 4;
    static final int WORKERS = 2;
    /** The replication every cluster test's keyspaces get: RF 3 in the app DC, 1 in analytics. */
    static final String REPLICATION = APP + ":3," + ANALYTICS + ":1";

    private final Path repo = RepoRoot.find();
    /**
     * The nodes run as the tests' other nodes do: C1 only, and no flush of their schema
     * tables at each schema change (a cluster test makes some thirty tables per keyspace, and
     * each change waited on four nodes' flushes); {@link #kill} flushes them first.
     */
    private final LocalCassandraScript cassandra = LocalCassandraScript.withTestFlags(repo);
    private final Path dir;
    private final int cqlPort;
    private final int masterPort;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::stopAll, "stop-local-clusters");

    private LocalClusters(Path dir, int cqlPort, int masterPort) {
        this.dir = dir;
        this.cqlPort = cqlPort;
        this.masterPort = masterPort;
    }

    static LocalClusters start() {
        Path dir = Path.of("target", "test-clusters").toAbsolutePath();
        LocalClusters clusters = new LocalClusters(dir, FreePorts.cqlPort(NODES), freeMasterPort());
        // A JVM killed earlier may have left its clusters running on these folders.
        clusters.cassandra.run("stop", "--kill", "--data", dir.resolve("cassandra").toString());
        clusters.script("local-spark", "stop", "--dir", dir.resolve("spark").toString());
        deleteRecursively(dir);
        Runtime.getRuntime().addShutdownHook(clusters.shutdownHook);
        LocalCassandraScript.Result c = clusters.cassandra.run("start", "--cluster", SPEC,
                "--port", String.valueOf(clusters.cqlPort), "--data", dir.resolve("cassandra").toString());
        if (!c.ok()) {
            clusters.stopAll();
            throw new IllegalStateException("scripts/local-cassandra could not start the cluster:\n" + c.output());
        }
        System.out.println("[LocalClusters] " + c.output().lines().reduce((a, b) -> b).orElse(""));
        LocalCassandraScript.Result s = clusters.script("local-spark", "start", "--workers", String.valueOf(WORKERS),
                "--cores", "1", "--memory", "1g", "--port", String.valueOf(clusters.masterPort),
                "--dir", dir.resolve("spark").toString());
        if (!s.ok()) {
            clusters.stopAll();
            throw new IllegalStateException("scripts/local-spark could not start the cluster:\n" + s.output());
        }
        System.out.println("[LocalClusters] " + s.output());
        return clusters;
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    int cqlPort() {
        return cqlPort;
    }

    /** host:port of the given nodes, as a contact-point list. */
    String hosts(List<Integer> nodes) {
        return nodes.stream().map(n -> "127.0.0." + n + ":" + cqlPort).collect(Collectors.joining(","));
    }

    /** Settings for a run in {@code dc}, its contact points the nodes of that DC. */
    RidesConfig.Builder config(String dc) {
        List<Integer> nodes = dc.equals(ANALYTICS) ? List.of(ANALYTICS_NODE) : APP_NODES;
        return RidesConfig.builder().hosts(hosts(nodes)).localDc(dc);
    }

    int jmxPort(int node) {
        return cqlPort + FreePorts.JMX_OFFSET + node - 1;
    }

    /**
     * SIGKILLs a node, as a machine that loses power (no drain, no flush of its data).
     * Its schema tables are flushed just before: a production node flushes them at every
     * schema change, these nodes skip it ({@link #cassandra}), and a node loads its schema
     * from disk before it replays its commit log.
     */
    void kill(int node) {
        NodeJmx.call(jmxPort(node), beans -> beans.invoke(
                new ObjectName("org.apache.cassandra.db:type=StorageService"), "forceKeyspaceFlush",
                new Object[] {"system_schema", new String[0]}, new String[] {String.class.getName(), String[].class.getName()}));
        expectOk(cassandra.run("stop", "--kill", "--node", String.valueOf(node), "--data", cassandraDir()));
    }

    void startNode(int node) {
        expectOk(cassandra.run("start", "--node", String.valueOf(node), "--data", cassandraDir()));
    }

    /** Starts every stopped node; nodes that are not seeds start side by side. */
    void startStopped() {
        expectOk(cassandra.run("start", "--data", cassandraDir()));
    }

    LocalCassandraScript.Result status() {
        return cassandra.run("status", "--data", cassandraDir());
    }

    /** The pids of the executors the Workers launched (their work folders are ours). */
    List<Long> executorPids() {
        Path work = dir.resolve("spark").resolve("work");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .filter(p -> {
                    try {
                        return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd")).startsWith(work);
                    } catch (IOException | UnsupportedOperationException e) {
                        return false;
                    }
                })
                .map(ProcessHandle::pid)
                .toList();
    }

    /** scripts/spark-submit of the cluster jar with the launcher's arguments, as an operator types it. */
    List<String> sparkSubmit(String... args) {
        List<String> command = new ArrayList<>(List.of(repo.resolve("scripts/spark-submit").toString(),
                "--master", masterUrl(), "--class", Rides.class.getName(),
                repo.resolve("jobs/target/rides-jobs-cluster.jar").toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** scripts/rides with --master: the driver in the launcher's JVM, the executors on the cluster. */
    List<String> launcher(String... args) {
        List<String> command = new ArrayList<>(List.of(repo.resolve("scripts/rides").toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--master", masterUrl()));
        return command;
    }

    /** The options that point a command at a test's keyspaces in a DC. */
    static List<String> target(RidesConfig config) {
        return List.of("--hosts", String.join(",", config.hosts()), "--local-dc", config.localDcOrDefault(),
                "--raw-keyspace", config.rawKeyspace(), "--stats-keyspace", config.statsKeyspace());
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook runs stopAll, which is idempotent
        }
    }

    private void stopAll() {
        if (stopped.compareAndSet(false, true)) {
            script("local-spark", "stop", "--dir", dir.resolve("spark").toString());
            cassandra.run("stop", "--data", cassandraDir());
        }
    }

    private String cassandraDir() {
        return dir.resolve("cassandra").toString();
    }

    private static void expectOk(LocalCassandraScript.Result r) {
        if (!r.ok()) {
            throw new IllegalStateException(r.output());
        }
    }

    LocalCassandraScript.Result script(String name, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve("scripts").resolve(name).toString()));
        command.addAll(List.of(args));
        RunningProcess.Result r = RunningProcess.exec(command, Map.of(), line -> { }, 10);
        return new LocalCassandraScript.Result(r.code(), r.output().strip());
    }

    /** A master port whose UI port (+1003) and workers' ports (+10+i, +1003+i) are free. */
    private static int freeMasterPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(13_000, 14_900);
            boolean free = FreePorts.free("127.0.0.1", port) && IntStream.rangeClosed(0, WORKERS)
                    .allMatch(i -> FreePorts.free("127.0.0.1", port + 1003 + i)
                            && (i == 0 || FreePorts.free("127.0.0.1", port + 10 + i)));
            if (free) {
                return port;
            }
        }
        throw new IllegalStateException("no free Spark master port");
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
    }

    /** Gives test classes the JVM's one pair of clusters, started on first use. */
    static final class Extension implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalClusters.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == LocalClusters.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(LocalClusters.class, key -> LocalClusters.start(), LocalClusters.class);
        }
    }
}
