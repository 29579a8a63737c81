package com.rides.jobs;

import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.config.Secret;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Connection, throttling and consistency options shared by every command. Each
 * overrides the matching RIDES_* environment variable. There is deliberately no
 * password option: argv is visible to every user of the machine.
 */
public class ClusterOptions {

    @Option(names = "--hosts", paramLabel = "HOST:PORT,...",
            description = "Cassandra contact points (env RIDES_CASSANDRA_HOSTS, default 127.0.0.1:9042)")
    String hosts;

    @Option(names = "--local-dc", paramLabel = "DC", description = "local data centre (env RIDES_CASSANDRA_LOCAL_DC)")
    String localDc;

    @Option(names = "--username", description = "Cassandra role (env RIDES_CASSANDRA_USERNAME)")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "file holding the password (or env RIDES_CASSANDRA_PASSWORD / RIDES_CASSANDRA_PASSWORD_FILE)")
    Path passwordFile;

    @Option(names = "--raw-keyspace", description = "raw keyspace (env RIDES_RAW_KEYSPACE, default rides)")
    String rawKeyspace;

    @Option(names = "--stats-keyspace", description = "result keyspace (env RIDES_STATS_KEYSPACE, default ride_stats)")
    String statsKeyspace;

    @Option(names = "--buckets", description = "buckets per day in workouts/ratings (default 16)")
    Integer buckets;

    @Option(names = "--read-consistency", description = "read consistency level (default LOCAL_ONE)")
    String readConsistency;

    @Option(names = "--write-consistency", description = "write consistency level (default LOCAL_QUORUM)")
    String writeConsistency;

    @Option(names = "--reads-per-sec", paramLabel = "N",
            description = "read throttle: requests per second per core; 0 = unthrottled (default 2000)")
    Double readsPerSec;

    @Option(names = "--write-mb-per-sec", paramLabel = "MB",
            description = "write throttle: MB per second per core; 0 = unthrottled (default 5)")
    Double writeMbPerSec;

    @Option(names = "--split-size-mb", description = "Cassandra data per Spark task on scans (default 64)")
    Integer splitSizeMb;

    @Option(names = "--fetch-size", description = "rows per page read from Cassandra (default 1000)")
    Integer fetchSize;

    @Option(names = "--concurrent-writes", description = "batches in flight per Spark task (default 5)")
    Integer concurrentWrites;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "per-host connect timeout (default 10)")
    Integer connectTimeout;

    @Option(names = "--heartbeat", paramLabel = "SECONDS",
            description = "how often a run renews its job_runs row; three missed beats mark it abandoned (default 30)")
    Integer heartbeat;

    @Option(names = "--lease-consistency", paramLabel = "SERIAL|LOCAL_SERIAL",
            description = "serial consistency of the run lease: SERIAL keeps schedulers in two data centres apart,"
                    + " LOCAL_SERIAL only within one (default SERIAL)")
    String leaseConsistency;

    @Option(names = "--unreachable-timeout", paramLabel = "SECONDS",
            description = "a run whose cluster stops answering for this long fails (default 60)")
    Integer unreachableTimeout;

    @Option(names = "--truststore", paramLabel = "FILE",
            description = "JKS/PKCS12 truststore for TLS to Cassandra (env RIDES_CASSANDRA_TRUSTSTORE; "
                    + "password in env RIDES_CASSANDRA_TRUSTSTORE_PASSWORD)")
    String truststore;

    @Option(names = "--master", description = "Spark master (default local[*]; spark-submit sets its own)")
    String master;

    @Option(names = "--shuffle-partitions", description = "Spark SQL shuffle partitions (default 4)")
    Integer shufflePartitions;

    @Option(names = "--trending-windows", split = ",", paramLabel = "DAYS",
            description = "trending windows in days, e.g. 1,7,30 (default 7)")
    List<Integer> trendingWindows;

    @Option(names = "--trending-now-windows", split = ",", paramLabel = "HOURS",
            description = "trending-now windows in hours, e.g. 1,6,24 (env RIDES_TRENDING_NOW_WINDOWS, default 24);"
                    + " nightly and hourly must be given the same")
    List<Integer> trendingNowWindows;

    @Option(names = "--conf", paramLabel = "spark.cassandra.KEY=VALUE",
            description = "any Spark Cassandra Connector setting, passed through (repeatable)")
    List<String> connectorSettings = new ArrayList<>();

    public RidesConfig toConfig(Map<String, String> env) {
        RidesConfig.Builder b = RidesConfig.fromEnvironment(env);
        if (hosts != null) b.hosts(hosts);
        if (localDc != null) b.localDc(localDc);
        if (username != null) b.username(username);
        if (passwordFile != null) b.passwordFile(passwordFile);
        if (rawKeyspace != null) b.rawKeyspace(rawKeyspace);
        if (statsKeyspace != null) b.statsKeyspace(statsKeyspace);
        if (buckets != null) b.buckets(buckets);
        if (readConsistency != null) b.readConsistency(consistency(readConsistency));
        if (writeConsistency != null) b.writeConsistency(consistency(writeConsistency));
        if (readsPerSec != null) b.readsPerSecPerCore(nonNegative("--reads-per-sec", readsPerSec));
        if (writeMbPerSec != null) b.writeMbPerSecPerCore(nonNegative("--write-mb-per-sec", writeMbPerSec));
        if (splitSizeMb != null) b.splitSizeMb(positive("--split-size-mb", splitSizeMb));
        if (fetchSize != null) b.fetchSizeRows(positive("--fetch-size", fetchSize));
        if (concurrentWrites != null) b.concurrentWrites(positive("--concurrent-writes", concurrentWrites));
        if (connectTimeout != null) b.connectTimeoutSeconds(positive("--connect-timeout", connectTimeout));
        if (heartbeat != null) b.runHeartbeatSeconds(positive("--heartbeat", heartbeat));
        if (unreachableTimeout != null) b.unreachableTimeoutSeconds(positive("--unreachable-timeout", unreachableTimeout));
        if (leaseConsistency != null) b.leaseSerialConsistency(leaseConsistency);
        if (truststore != null) b.truststore(truststore, Secret.of(env.get("RIDES_CASSANDRA_TRUSTSTORE_PASSWORD")));
        if (master != null) b.sparkMaster(master);
        if (shufflePartitions != null) b.shufflePartitions(positive("--shuffle-partitions", shufflePartitions));
        if (trendingWindows != null && !trendingWindows.isEmpty()) b.trendingWindows(trendingWindows);
        if (trendingNowWindows != null && !trendingNowWindows.isEmpty()) b.trendingNowWindows(trendingNowWindows);
        for (String kv : connectorSettings) {
            int eq = kv.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException("bad --conf '" + kv + "': expected spark.cassandra.KEY=VALUE");
            }
            b.connectorSetting(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
        }
        return b.build();
    }

    private static final List<String> LEVELS = List.of("ANY", "ONE", "TWO", "THREE", "QUORUM", "ALL",
            "LOCAL_QUORUM", "EACH_QUORUM", "LOCAL_ONE");

    private static String consistency(String level) {
        String l = level.toUpperCase();
        if (!LEVELS.contains(l)) {
            throw new ConfigException("unknown consistency level '" + level + "': one of " + String.join(", ", LEVELS));
        }
        return l;
    }

    private static int positive(String name, int v) {
        if (v < 1) {
            throw new ConfigException(name + " must be positive, got " + v);
        }
        return v;
    }

    private static double nonNegative(String name, double v) {
        if (v < 0) {
            throw new ConfigException(name + " must not be negative, got " + v);
        }
        return v;
    }
}
