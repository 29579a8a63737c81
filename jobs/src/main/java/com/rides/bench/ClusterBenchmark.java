package com.rides.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.generate.GeneratorSpec;
import com.rides.generate.WriteResult;
import com.rides.generate.WriterOptions;
import com.rides.jobs.ClusterOptions;
import com.rides.jobs.Dates;
import com.rides.jobs.GenerateJob;
import com.rides.jobs.RebuildJob;
import com.rides.jobs.Rides;
import com.rides.jobs.SchemaJob;
import com.rides.schema.Replication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scripts/bench-cluster: the jobs on a Spark standalone cluster against a Cassandra of
 * two data centres (the app's, and an analytics DC the jobs read), measured in one run:
 * <ol>
 *   <li>nightly submitted to the cluster against nightly in local mode, the same day of
 *       the same data, whole processes (the scheduler starts one each night), alternating
 *       round by round so that the machine's noise hits both alike;</li>
 *   <li>the app DC's serving reads (one {@code RideStatsReader} call per screen) idle and
 *       while a nightly on the cluster reads the analytics DC, the app DC's nodes and this
 *       client on one core and every Spark process and the analytics node on the other
 *       ({@code taskset}), standing in for separate machines.</li>
 * </ol>
 * Its section of BENCHMARKS.md is replaced; the rest of the file (scripts/bench's) is kept.
 */
@Command(name = "bench-cluster", mixinStandardHelpOptions = true,
        description = "Measure nightly on a Spark cluster against local mode, and the app DC's serving latency "
                + "while a nightly reads the analytics DC; writes its section of BENCHMARKS.md.")
public final class ClusterBenchmark implements Callable<Integer> {

    /** The app DC's nodes, as scripts/local-cassandra numbers them (app:3 first). */
    static final int[] APP_NODES = {1, 2, 3};
    static final int SERVING_WARM_UP_ROUNDS = 300;
    /** scripts/bench's full-size run (BENCHMARKS.md of 2026-11-25): one node, everything on 2 cores. */
    static final String SINGLE_NODE_P99 = "1.12 ms idle, 6.17 ms during a nightly";
    static final Pattern JOB_SECONDS = Pattern.compile("^nightly .*; ([0-9.]+) s$", Pattern.MULTILINE);

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--app-dc", description = "the app's data centre, whose serving reads are timed (default app)")
    String appDc = "app";

    @Option(names = "--rides-per-day", description = "rides a day on average (default 300)")
    int ridesPerDay = 300;

    @Option(names = "--classes", description = "classes in the catalogue (default 40)")
    int classes = 40;

    @Option(names = "--days", description = "days of history (default 4: the day, its lookback of 2, one more)")
    int days = 4;

    @Option(names = "--end-date", converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "the day nightly processes (default 2026-11-20)")
    LocalDate endDate = LocalDate.parse("2026-11-20");

    @Option(names = "--repeats", description = "rounds of local and cluster nightly (default 3)")
    int repeats = 3;

    @Option(names = "--serving-rounds", description = "idle rounds of serving reads, one call per screen (default 200)")
    int servingRounds = 200;

    @Option(names = "--cassandra-dir", required = true, description = "the cluster's folder of scripts/local-cassandra")
    Path cassandraDir;

    @Option(names = "--spark-dir", required = true, description = "the cluster's folder of scripts/local-spark")
    Path sparkDir;

    @Option(names = "--keyspace-prefix", description = "keyspaces PREFIX_raw and PREFIX_stats (default bench_cluster)")
    String prefix = "bench_cluster";

    @Option(names = "--out", description = "the report (default BENCHMARKS.md at the top of the project)")
    Path out;

    private final PrintWriter log = new PrintWriter(System.out, true);
    private final Path root = Path.of(System.getProperty("rides.root", ".")).toAbsolutePath();
    private long started;

    public static void main(String[] args) {
        Rides.endProcess(new CommandLine(new ClusterBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        started = System.nanoTime();
        RidesConfig base = cluster.toConfig(System.getenv());
        RidesConfig analytics = base.toBuilder().rawKeyspace(prefix + "_raw").statsKeyspace(prefix + "_stats").build();
        RidesConfig app = analytics.toBuilder().localDc(appDc).build();
        String master = base.sparkMaster();
        if (master.startsWith("local")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "--master must name the Spark cluster");
        }

        GeneratorSpec template = new GeneratorSpec(1, classes, days, endDate, 42, analytics.buckets(),
                GeneratorSpec.DEFAULT_FAULT_RATE);
        int riders = DailyVolume.usersFor(template, ridesPerDay);
        GeneratorSpec spec = DailyVolume.withUsers(template, riders);
        WriteResult generated;
        try (CqlSession session = CassandraSessions.open(analytics)) {
            session.execute("DROP KEYSPACE IF EXISTS " + analytics.rawKeyspace());
            session.execute("DROP KEYSPACE IF EXISTS " + analytics.statsKeyspace());
            SchemaJob.run(session, analytics, Replication.networkTopology(appDc + ":3," + analytics.localDcOrDefault() + ":1"));
        }
        step("generating %d days, %d riders (about %.0f rides a day)", days, riders, DailyVolume.of(spec).mean());
        generated = GenerateJob.run(analytics, spec, WriterOptions.DEFAULT_MAX_IN_FLIGHT, log);
        step("generated: %s; building the state with a local rebuild", generated);
        // In local mode, in this JVM: a context of this JVM on the cluster would hold the
        // Workers' cores, and the submitted runs below would wait for executors.
        RebuildJob.run(analytics.toBuilder().sparkMaster("local[*]").build(), endDate.minusDays(1));
        org.apache.spark.sql.SparkSession.getDefaultSession().foreach(spark -> {
            spark.stop();
            return null;
        });

        List<String> nightly = new ArrayList<>(List.of("nightly", "--date", endDate.toString(),
                "--hosts", String.join(",", analytics.hosts()), "--local-dc", analytics.localDcOrDefault(),
                "--raw-keyspace", analytics.rawKeyspace(), "--stats-keyspace", analytics.statsKeyspace()));
        List<String> local = concat(List.of(root.resolve("scripts/rides").toString()), nightly);
        List<String> onCluster = concat(List.of(root.resolve("scripts/spark-submit").toString(), "--master", master,
                "--class", "com.rides.jobs.Rides", root.resolve("jobs/target/rides-jobs-cluster.jar").toString()), nightly);

        run(local); // untimed: builds if needed, warms the node's caches
        Runs localRuns = new Runs("nightly D, local mode, whole process");
        Runs clusterRuns = new Runs("nightly D, 2-worker standalone cluster (spark-submit), whole process");
        List<Double> localJob = new ArrayList<>();
        List<Double> clusterJob = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            localJob.add(jobSeconds(localRuns.time(() -> run(local))));
            clusterJob.add(jobSeconds(clusterRuns.time(() -> run(onCluster))));
            step("round %d/%d: local %.1f s, cluster %.1f s", i + 1, repeats, last(localRuns), last(clusterRuns));
        }

        // Serving: the app DC and this client on CPU 0; the analytics node and Spark on CPU 1.
        CpuPins pins = new CpuPins();
        Map<String, List<Double>> idle;
        Map<String, List<Double>> idleAfter;
        Map<String, List<Double>> busy = ServingLatency.empty();
        int busyRuns = 0;
        try (CqlSession appSession = CassandraSessions.open(app)) {
            pins.pin("0", pids(APP_NODES));
            pins.pin("0", List.of(ProcessHandle.current().pid()));
            pins.pin("1", pids(4));
            pins.pin("1", sparkPids());
            ServingLatency serving = new ServingLatency(appSession, app, endDate);
            // Idle means idle: the app DC's nodes still compacting what generation and the
            // nightlies wrote (three nodes on one CPU), or their read path not yet compiled,
            // made a first run's "idle" slower than its busy phase (p99 43 ms against 19 ms).
            awaitNoCompactions(APP_NODES);
            serving.warmUp(SERVING_WARM_UP_ROUNDS);
            idle = serving.measure(servingRounds, servingRounds, () -> false);
            step("serving idle: p99 %.2f ms", Median.percentile(all(idle), 99));
            while (busyRuns < 3 && all(busy).size() < servingRounds * ServingLatency.SCREENS.size()) {
                Process p = new ProcessBuilder(concat(List.of("taskset", "-c", "1"), onCluster))
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                serving.measureWhile(p::isAlive, busy);
                p.waitFor();
                busyRuns++;
            }
            step("serving during %d cluster nightlies: p99 %.2f ms", busyRuns, Median.percentile(all(busy), 99));
            // Idle again once the nightlies' writes are compacted: both idle figures are reported,
            // so a drift over the run (compaction, caches, the JIT) shows instead of hiding in one.
            awaitNoCompactions(APP_NODES);
            idleAfter = serving.measure(servingRounds, servingRounds, () -> false);
            step("serving idle again: p99 %.2f ms", Median.percentile(all(idleAfter), 99));
        } finally {
            pins.restore();
        }

        String section = report(analytics, riders, generated, localRuns, clusterRuns, localJob, clusterJob, idle,
                idleAfter, busy, busyRuns);
        Path target = (out != null ? out : root.resolve("BENCHMARKS.md")).toAbsolutePath();
        String existing = Files.exists(target) ? Files.readString(target, StandardCharsets.UTF_8) : "";
        Files.writeString(target, ReportSections.replace(existing, ReportSections.CLUSTER, section), StandardCharsets.UTF_8);
        log.println(section);
        log.println("bench-cluster: written to " + target);
        return 0;
    }

    private String report(RidesConfig c, int riders, WriteResult generated, Runs localRuns, Runs clusterRuns,
                          List<Double> localJob, List<Double> clusterJob, Map<String, List<Double>> idle,
                          Map<String, List<Double>> idleAfter, Map<String, List<Double>> busy, int busyRuns) {
        StringBuilder md = new StringBuilder();
        md.append("## On a cluster (scripts/bench-cluster)\n\n");
        md.append(String.format(Locale.ROOT, "Run %s: %s; %d cores; Spark master %s; Cassandra %s (a 4-node cluster,"
                        + " %s:3 and %s:1, scripts/local-cassandra --cluster); %d riders, %d days, %,d rows generated;"
                        + " nightly --date %s (lookback 2) reads the %s DC.%n%n",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), c.sparkMaster(), String.join(",", c.hosts()), appDc,
                c.localDcOrDefault(), riders, days, generated.totalRows(), endDate, c.localDcOrDefault()));
        double ratio = clusterRuns.median() / localRuns.median();
        double jobRatio = Median.of(clusterJob) / Median.of(localJob);
        md.append("| measure | runs (s) | median (s) | the job's own time, median (s) |\n|---|---|---|---|\n");
        for (Runs r : List.of(localRuns, clusterRuns)) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %.1f | %.1f |%n", r.name(), seconds(r), r.median(),
                    Median.of(r == localRuns ? localJob : clusterJob)));
        }
        md.append(String.format(Locale.ROOT, "%n**cluster / local: %.2fx** whole process, %.2fx the job's own time"
                + " (both on the same 2 cores: the cluster adds a Master, two Workers and two executor JVMs"
                + " started per run, and ships each task over the network).%n%n", ratio, jobRatio));
        md.append("Serving reads of the app DC (every screen's `RideStatsReader` call, milliseconds), the app DC's nodes"
                + " and the client on CPU 0, the analytics node and every Spark process on CPU 1 (`taskset`):\n\n");
        md.append("| | calls | p50 | p99 |\n|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| idle, before the nightlies (after %d rounds of warm-up) | %d | %.2f | %.2f |%n",
                SERVING_WARM_UP_ROUNDS, all(idle).size(), Median.percentile(all(idle), 50),
                Median.percentile(all(idle), 99)));
        md.append(String.format(Locale.ROOT, "| while %d %s on the cluster read the %s DC | %d | %.2f | %.2f |%n",
                busyRuns, busyRuns == 1 ? "nightly" : "nightlies", c.localDcOrDefault(), all(busy).size(),
                Median.percentile(all(busy), 50), Median.percentile(all(busy), 99)));
        md.append(String.format(Locale.ROOT, "| idle, after them | %d | %.2f | %.2f |%n", all(idleAfter).size(),
                Median.percentile(all(idleAfter), 50), Median.percentile(all(idleAfter), 99)));
        md.append(String.format(Locale.ROOT, "| for comparison: one node serving and running the nightly on the same"
                + " 2 cores (scripts/bench, p99) | | | %s |%n", SINGLE_NODE_P99));
        List<Double> bothIdle = new ArrayList<>(all(idle));
        bothIdle.addAll(all(idleAfter));
        md.append(String.format(Locale.ROOT, "%nbusy / idle p99: %.2fx (idle: both idle phases together). Before each"
                        + " phase the app DC's nodes had no compaction pending (nodetool compactionstats).%n",
                Median.percentile(all(busy), 99) / Median.percentile(bothIdle, 99)));
        return md.toString();
    }

    /** Waits (at most 10 minutes) until none of the nodes has a compaction pending or running. */
    private void awaitNoCompactions(int... nodes) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        for (int node : nodes) {
            while (pendingCompactions(node) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(2_000);
            }
        }
        step("app DC nodes without pending compactions after %.0f s", (System.nanoTime() - started) / 1e9);
    }

    private int pendingCompactions(int node) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(root.resolve("scripts/local-cassandra").toString(), "--data",
                cassandraDir.toString(), "--node", String.valueOf(node), "nodetool", "compactionstats")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("nodetool compactionstats on node " + node + ": " + out.strip());
        }
        java.util.regex.Matcher m = Pattern.compile("pending tasks\\s*:?\\s*(\\d+)").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("nodetool compactionstats on node " + node + " said: " + out.strip());
        }
        return Integer.parseInt(m.group(1));
    }

    private List<Long> pids(int... nodes) throws IOException {
        List<Long> pids = new ArrayList<>();
        for (int n : nodes) {
            pids.add(Long.parseLong(Files.readString(cassandraDir.resolve("node" + n).resolve("cassandra.pid")).strip()));
        }
        return pids;
    }

    private List<Long> sparkPids() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (var files = Files.list(sparkDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".pid")).toList()) {
                pids.add(Long.parseLong(Files.readString(f).strip()));
            }
        }
        return pids;
    }

    private String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String seconds(Runs r) {
        return String.join(", ", r.seconds().stream().map(x -> String.format(Locale.ROOT, "%.1f", x)).toList());
    }

    private static double jobSeconds(String output) {
        Matcher m = JOB_SECONDS.matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static double last(Runs runs) {
        List<Double> s = runs.seconds();
        return s.get(s.size() - 1);
    }

    private static List<Double> all(Map<String, List<Double>> ms) {
        List<Double> all = new ArrayList<>();
        ms.values().forEach(all::addAll);
        return all;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private void step(String format, Object... args) {
        log.printf(Locale.ROOT, "[%5.0f s] %s%n", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, args));
    }
}
