package com.rides.cassandra;

import com.rides.config.RidesConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Spark Cassandra Connector settings that follow from the configuration. These
 * are the connector's own knobs (its reference docs, "Read/Write Tuning Parameters"),
 * so an operator can reason about them with the connector's documentation.
 */
public final class ConnectorSettings {

    static final int CONCURRENT_READS = 64;

    private ConnectorSettings() {
    }

    public static Map<String, String> of(RidesConfig c) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("spark.cassandra.connection.host",
                c.hostPorts().stream().map(Object::toString).collect(Collectors.joining(",")));
        s.put("spark.cassandra.connection.localDC", c.localDcOrDefault());
        s.put("spark.cassandra.connection.timeoutMS", String.valueOf(c.connectTimeoutSeconds() * 1000L));
        if (c.username() != null) {
            s.put("spark.cassandra.auth.username", c.username());
            s.put("spark.cassandra.auth.password", c.password() == null ? "" : c.password().reveal());
        }
        // Said either way: a Spark session outlives a job, and the next may be without TLS.
        s.put("spark.cassandra.connection.ssl.enabled", String.valueOf(c.truststorePath() != null));
        if (c.truststorePath() != null) {
            s.put("spark.cassandra.connection.ssl.trustStore.path", c.truststorePath());
            s.put("spark.cassandra.connection.ssl.trustStore.type", c.truststoreType());
            if (c.truststorePassword() != null) {
                s.put("spark.cassandra.connection.ssl.trustStore.password", c.truststorePassword().reveal());
            }
        }
        s.put("spark.cassandra.input.consistency.level", c.readConsistency());
        s.put("spark.cassandra.output.consistency.level", c.writeConsistency());
        if (c.readsPerSecPerCore() > 0) {
            s.put("spark.cassandra.input.readsPerSec", String.valueOf((int) c.readsPerSecPerCore()));
        }
        if (c.writeMbPerSecPerCore() > 0) {
            s.put("spark.cassandra.output.throughputMBPerSec", String.valueOf(c.writeMbPerSecPerCore()));
        }
        s.put("spark.cassandra.input.split.sizeInMB", String.valueOf(c.splitSizeMb()));
        s.put("spark.cassandra.input.fetch.sizeInRows", String.valueOf(c.fetchSizeRows()));
        s.put("spark.cassandra.output.concurrent.writes", String.valueOf(c.concurrentWrites()));
        // Key-join reads in flight per task. The connector's 512 let two tasks fill the
        // driver's 1,024 requests per connection, and a key join over ~3,000 rides failed
        // with "No connection was available" (seen in the benchmark's copy); 64 per task
        // keeps an 8-core executor at half a connection and the node's queues short.
        s.put("spark.cassandra.concurrent.reads", String.valueOf(CONCURRENT_READS));
        // A null in a result row must overwrite the value a previous run wrote.
        s.put("spark.cassandra.output.ignoreNulls", "false");
        // Sessions that load the schema of the jobs' keyspaces only (SchemaScope).
        s.put("spark.cassandra.connection.factory", ScopedConnectionFactory.class.getName());
        s.putAll(c.connectorPassThrough());
        return s;
    }

    /**
     * The connector for this run's settings, not the SparkContext's: a context outlives
     * its first job (backfill, notebooks, tests), and the next job may talk to another
     * cluster or role. The connector caches one session per settings, so this reaches
     * the session the DataFrame reads and writes of the run use.
     */
    public static com.datastax.spark.connector.cql.CassandraConnector connector(org.apache.spark.SparkContext context,
                                                                                 RidesConfig c) {
        org.apache.spark.SparkConf conf = context.getConf(); // a copy
        for (scala.Tuple2<String, String> kv : conf.getAll()) {
            if (kv._1().startsWith("spark.cassandra.")) {
                conf.remove(kv._1());
            }
        }
        of(c).forEach(conf::set);
        SchemaScope.include(c);
        return com.datastax.spark.connector.cql.CassandraConnector$.MODULE$.apply(conf);
    }

    /** The settings with secrets masked: safe to print or log. */
    public static Map<String, String> printable(RidesConfig c) {
        Map<String, String> s = new LinkedHashMap<>(of(c));
        s.replaceAll((k, v) -> k.toLowerCase().contains("password") ? "****" : v);
        return s;
    }
}
