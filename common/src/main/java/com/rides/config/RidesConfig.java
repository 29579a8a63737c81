package com.rides.config;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every setting of the project in one typed, immutable record, built once from the
 * environment and the command line and passed down. Defaults are the safe ones for a
 * shared production cluster (see docs/operations.md).
 */
public record RidesConfig(
        List<String> hosts,
        String localDc,
        String username,
        Secret password,
        String rawKeyspace,
        String statsKeyspace,
        int buckets,
        String readConsistency,
        String writeConsistency,
        double readsPerSecPerCore,
        double writeMbPerSecPerCore,
        int splitSizeMb,
        int fetchSizeRows,
        int concurrentWrites,
        int connectTimeoutSeconds,
        int runHeartbeatSeconds,
        int unreachableTimeoutSeconds,
        String truststorePath,
        Secret truststorePassword,
        String sparkMaster,
        int shufflePartitions,
        List<Integer> trendingWindows,
        List<Integer> trendingNowWindows,
        Map<String, String> connectorPassThrough,
        String leaseSerialConsistency) implements Serializable {

    public static final String DEFAULT_HOSTS = "127.0.0.1:9042";
    public static final int MAX_TRENDING_NOW_HOURS = 168;

    public RidesConfig {
        hosts = List.copyOf(hosts);
        trendingWindows = List.copyOf(trendingWindows);
        // Once each: a window given twice would be two copies of every snapshot's rows.
        trendingNowWindows = trendingNowWindows.stream().distinct().toList();
        connectorPassThrough = Collections.unmodifiableMap(new LinkedHashMap<>(connectorPassThrough));
        Objects.requireNonNull(rawKeyspace, "rawKeyspace");
        Objects.requireNonNull(statsKeyspace, "statsKeyspace");
        if (hosts.isEmpty()) {
            throw new ConfigException("no Cassandra host given");
        }
        for (String h : hosts) {
            HostPort.parse(h); // fails with a one-line reason
        }
        if (runHeartbeatSeconds < 1) {
            throw new ConfigException("run heartbeat must be at least 1 s, got " + runHeartbeatSeconds);
        }
        if (unreachableTimeoutSeconds < 1) {
            throw new ConfigException("unreachable timeout must be at least 1 s, got " + unreachableTimeoutSeconds);
        }
        if (buckets < 1) {
            throw new ConfigException("bucket count must be at least 1, got " + buckets);
        }
        if (!List.of("SERIAL", "LOCAL_SERIAL").contains(leaseSerialConsistency)) {
            throw new ConfigException("lease consistency must be SERIAL or LOCAL_SERIAL, got " + leaseSerialConsistency);
        }
        for (int w : trendingWindows) {
            if (w < 1 || w > 366) {
                throw new ConfigException("trending window must be 1..366 days, got " + w);
            }
        }
        if (trendingNowWindows.isEmpty()) {
            throw new ConfigException("no trending-now window given");
        }
        for (int w : trendingNowWindows) {
            // A week at most: a snapshot reads the workouts partitions of every day its window
            // overlaps, and "right now" means hours, not the weeks trending_classes covers.
            if (w < 1 || w > MAX_TRENDING_NOW_HOURS) {
                throw new ConfigException("trending-now window must be 1.." + MAX_TRENDING_NOW_HOURS
                        + " hours, got " + w);
            }
        }
    }

    /** Defaults overlaid with the RIDES_* environment variables of the contract. */
    public static Builder fromEnvironment(Map<String, String> env) {
        Builder b = new Builder();
        String hosts = env.get("RIDES_CASSANDRA_HOSTS");
        if (hosts != null && !hosts.isBlank()) {
            b.hosts(hosts);
        }
        b.localDc = blankToNull(env.get("RIDES_CASSANDRA_LOCAL_DC"));
        b.username = blankToNull(env.get("RIDES_CASSANDRA_USERNAME"));
        b.password = Secret.of(env.get("RIDES_CASSANDRA_PASSWORD"));
        String passwordFile = blankToNull(env.get("RIDES_CASSANDRA_PASSWORD_FILE"));
        if (b.password == null && passwordFile != null) {
            b.passwordFile(Path.of(passwordFile));
        }
        if (env.get("RIDES_RAW_KEYSPACE") != null && !env.get("RIDES_RAW_KEYSPACE").isBlank()) {
            b.rawKeyspace = env.get("RIDES_RAW_KEYSPACE");
        }
        if (env.get("RIDES_STATS_KEYSPACE") != null && !env.get("RIDES_STATS_KEYSPACE").isBlank()) {
            b.statsKeyspace = env.get("RIDES_STATS_KEYSPACE");
        }
        // In the environment too: nightly and hourly write the same snapshots and must agree
        // on their windows, which one setting in the scheduler's environment guarantees.
        String nowWindows = blankToNull(env.get("RIDES_TRENDING_NOW_WINDOWS"));
        if (nowWindows != null) {
            b.trendingNowWindows(hoursList("RIDES_TRENDING_NOW_WINDOWS", nowWindows));
        }
        b.truststorePath = blankToNull(env.get("RIDES_CASSANDRA_TRUSTSTORE"));
        b.truststorePassword = Secret.of(env.get("RIDES_CASSANDRA_TRUSTSTORE_PASSWORD"));
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.hosts = new ArrayList<>(hosts);
        b.localDc = localDc;
        b.username = username;
        b.password = password;
        b.rawKeyspace = rawKeyspace;
        b.statsKeyspace = statsKeyspace;
        b.buckets = buckets;
        b.readConsistency = readConsistency;
        b.writeConsistency = writeConsistency;
        b.readsPerSecPerCore = readsPerSecPerCore;
        b.writeMbPerSecPerCore = writeMbPerSecPerCore;
        b.splitSizeMb = splitSizeMb;
        b.fetchSizeRows = fetchSizeRows;
        b.concurrentWrites = concurrentWrites;
        b.connectTimeoutSeconds = connectTimeoutSeconds;
        b.runHeartbeatSeconds = runHeartbeatSeconds;
        b.unreachableTimeoutSeconds = unreachableTimeoutSeconds;
        b.truststorePath = truststorePath;
        b.truststorePassword = truststorePassword;
        b.sparkMaster = sparkMaster;
        b.shufflePartitions = shufflePartitions;
        b.trendingWindows = new ArrayList<>(trendingWindows);
        b.trendingNowWindows = new ArrayList<>(trendingNowWindows);
        b.connectorPassThrough = new LinkedHashMap<>(connectorPassThrough);
        b.leaseSerialConsistency = leaseSerialConsistency;
        return b;
    }

    public List<HostPort> hostPorts() {
        return hosts.stream().map(HostPort::parse).toList();
    }

    /** Local data centre for the driver: the configured one, else Cassandra's default name. */
    public String localDcOrDefault() {
        return localDc != null ? localDc : "datacenter1";
    }

    /** JKS for a *.jks truststore, else PKCS12 (keytool's default since JDK 9). */
    public String truststoreType() {
        return truststorePath != null && truststorePath.toLowerCase(java.util.Locale.ROOT).endsWith(".jks")
                ? "JKS" : "PKCS12";
    }

    public String qualifiedRaw(String table) {
        return rawKeyspace + "." + table;
    }

    public String qualifiedStats(String table) {
        return statsKeyspace + "." + table;
    }

    @Override
    public String toString() {
        // Spelled out so that the secrets' masked form is what any log shows.
        return "RidesConfig[hosts=" + hosts + ", localDc=" + localDc + ", username=" + username
                + ", password=" + (password == null ? "none" : password) + ", raw=" + rawKeyspace
                + ", stats=" + statsKeyspace + ", buckets=" + buckets + ", read=" + readConsistency
                + ", write=" + writeConsistency + ", master=" + sparkMaster + "]";
    }

    private static List<Integer> hoursList(String name, String commaSeparated) {
        List<Integer> hours = new ArrayList<>();
        for (String h : commaSeparated.split(",")) {
            if (h.isBlank()) {
                continue;
            }
            try {
                hours.add(Integer.parseInt(h.strip()));
            } catch (NumberFormatException e) {
                throw new ConfigException("bad " + name + " '" + commaSeparated + "': expected hours, e.g. 1,6,24");
            }
        }
        return hours;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    public static final class Builder {
        private List<String> hosts = new ArrayList<>(List.of(DEFAULT_HOSTS));
        private String localDc;
        private String username;
        private Secret password;
        private String rawKeyspace = "rides";
        private String statsKeyspace = "ride_stats";
        private int buckets = 16;
        // Reads at LOCAL_ONE: analytics tolerate a replica a little behind and it keeps
        // the read load off the other replicas. Writes at LOCAL_QUORUM: the app reads
        // results at LOCAL_ONE/QUORUM and must see a whole night's output.
        private String readConsistency = "LOCAL_ONE";
        private String writeConsistency = "LOCAL_QUORUM";
        private double readsPerSecPerCore = 2000;
        private double writeMbPerSecPerCore = 5;
        private int splitSizeMb = 64;
        private int fetchSizeRows = 1000;
        private int concurrentWrites = 5;
        private int connectTimeoutSeconds = 10;
        // How often a running job renews its job_runs row; three missed beats mark it abandoned.
        private int runHeartbeatSeconds = 30;
        // How long a run waits for a cluster that stopped answering before it gives up:
        // long enough for a coordinator restart, short enough that the scheduler learns of an outage.
        private int unreachableTimeoutSeconds = 60;
        private String truststorePath;
        private Secret truststorePassword;
        private String sparkMaster = "local[*]";
        private int shufflePartitions = 4;
        private List<Integer> trendingWindows = new ArrayList<>(List.of(7));
        private List<Integer> trendingNowWindows = new ArrayList<>(List.of(24));
        private Map<String, String> connectorPassThrough = new LinkedHashMap<>();
        // The run lease's Paxos rounds span every data centre: two DCs' schedulers can
        // then never both hold it (see docs/scheduling.md); LOCAL_SERIAL where only one DC schedules.
        private String leaseSerialConsistency = "SERIAL";

        public Builder hosts(String commaSeparated) {
            List<String> list = new ArrayList<>();
            for (String h : commaSeparated.split(",")) {
                if (!h.isBlank()) {
                    list.add(h.trim());
                }
            }
            this.hosts = list;
            return this;
        }

        public Builder localDc(String v) { this.localDc = v; return this; }
        public Builder username(String v) { this.username = v; return this; }
        public Builder password(Secret v) { this.password = v; return this; }

        public Builder passwordFile(Path file) {
            try {
                this.password = Secret.of(Files.readString(file).strip());
            } catch (IOException e) {
                throw new ConfigException("cannot read password file " + file + ": " + e.getClass().getSimpleName());
            }
            return this;
        }

        public Builder rawKeyspace(String v) { this.rawKeyspace = v; return this; }
        public Builder statsKeyspace(String v) { this.statsKeyspace = v; return this; }
        public Builder buckets(int v) { this.buckets = v; return this; }
        public Builder readConsistency(String v) { this.readConsistency = v; return this; }
        public Builder writeConsistency(String v) { this.writeConsistency = v; return this; }
        public Builder readsPerSecPerCore(double v) { this.readsPerSecPerCore = v; return this; }
        public Builder writeMbPerSecPerCore(double v) { this.writeMbPerSecPerCore = v; return this; }
        public Builder splitSizeMb(int v) { this.splitSizeMb = v; return this; }
        public Builder fetchSizeRows(int v) { this.fetchSizeRows = v; return this; }
        public Builder concurrentWrites(int v) { this.concurrentWrites = v; return this; }
        public Builder connectTimeoutSeconds(int v) { this.connectTimeoutSeconds = v; return this; }
        public Builder runHeartbeatSeconds(int v) { this.runHeartbeatSeconds = v; return this; }
        public Builder unreachableTimeoutSeconds(int v) { this.unreachableTimeoutSeconds = v; return this; }
        public Builder truststore(String path, Secret pw) { this.truststorePath = path; this.truststorePassword = pw; return this; }
        public Builder sparkMaster(String v) { this.sparkMaster = v; return this; }
        public Builder shufflePartitions(int v) { this.shufflePartitions = v; return this; }
        public Builder trendingWindows(List<Integer> v) { this.trendingWindows = new ArrayList<>(v); return this; }
        public Builder trendingNowWindows(List<Integer> v) { this.trendingNowWindows = new ArrayList<>(v); return this; }
        public Builder leaseSerialConsistency(String v) { this.leaseSerialConsistency = v.toUpperCase(); return this; }
        public Builder connectorSetting(String key, String value) {
            if (!key.startsWith("spark.cassandra.")) {
                throw new ConfigException("only spark.cassandra.* settings can be passed through, got " + key);
            }
            this.connectorPassThrough.put(key, value);
            return this;
        }

        public RidesConfig build() {
            return new RidesConfig(hosts, localDc, username, password, rawKeyspace, statsKeyspace, buckets,
                    readConsistency.toUpperCase(), writeConsistency.toUpperCase(), readsPerSecPerCore,
                    writeMbPerSecPerCore, splitSizeMb, fetchSizeRows, concurrentWrites, connectTimeoutSeconds,
                    runHeartbeatSeconds, unreachableTimeoutSeconds, truststorePath, truststorePassword, sparkMaster, shufflePartitions, trendingWindows,
                    trendingNowWindows, connectorPassThrough, leaseSerialConsistency);
        }
    }
}
