package com.rides.config;

import com.rides.cassandra.ConnectorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RidesConfigTest {

    @Test
    void defaultsAreTheContractsAndSafeForAProductionCluster() {
        RidesConfig c = RidesConfig.fromEnvironment(Map.of()).build();
        assertEquals(java.util.List.of("127.0.0.1:9042"), c.hosts());
        assertEquals("rides", c.rawKeyspace());
        assertEquals("ride_stats", c.statsKeyspace());
        assertEquals(16, c.buckets());
        assertEquals("LOCAL_ONE", c.readConsistency());
        assertEquals("LOCAL_QUORUM", c.writeConsistency());
        assertEquals(java.util.List.of(7), c.trendingWindows());
        assertEquals(java.util.List.of(24), c.trendingNowWindows());
        Map<String, String> s = ConnectorSettings.of(c);
        assertEquals("LOCAL_ONE", s.get("spark.cassandra.input.consistency.level"));
        assertEquals("LOCAL_QUORUM", s.get("spark.cassandra.output.consistency.level"));
        assertTrue(s.containsKey("spark.cassandra.input.readsPerSec"), "reads are throttled by default");
        assertTrue(s.containsKey("spark.cassandra.output.throughputMBPerSec"), "writes are throttled by default");
    }

    @Test
    void environmentOverridesDefaults() {
        RidesConfig c = RidesConfig.fromEnvironment(Map.of(
                "RIDES_CASSANDRA_HOSTS", "10.0.0.1:9142, 10.0.0.2",
                "RIDES_CASSANDRA_LOCAL_DC", "eu-west",
                "RIDES_CASSANDRA_USERNAME", "rides_job",
                "RIDES_CASSANDRA_PASSWORD", "s3cret-pw",
                "RIDES_RAW_KEYSPACE", "raw2",
                "RIDES_STATS_KEYSPACE", "stats2")).build();
        assertEquals(java.util.List.of(new HostPort("10.0.0.1", 9142), new HostPort("10.0.0.2", 9042)), c.hostPorts());
        assertEquals("eu-west", c.localDcOrDefault());
        assertEquals("rides_job", c.username());
        assertEquals("s3cret-pw", c.password().reveal());
        assertEquals("raw2.workouts", c.qualifiedRaw("workouts"));
        assertEquals("stats2.job_runs", c.qualifiedStats("job_runs"));
    }

    @Test
    void passwordNeverShowsInTextForms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-a-file-pw\n");
        RidesConfig c = RidesConfig.fromEnvironment(Map.of("RIDES_CASSANDRA_PASSWORD_FILE", file.toString(),
                "RIDES_CASSANDRA_USERNAME", "u")).build();
        assertEquals("from-a-file-pw", c.password().reveal());
        assertFalse(c.toString().contains("from-a-file-pw"), c.toString());
        assertFalse(String.valueOf(c.password()).contains("from-a-file-pw"));
        assertFalse(ConnectorSettings.printable(c).toString().contains("from-a-file-pw"));
        assertEquals("from-a-file-pw", ConnectorSettings.of(c).get("spark.cassandra.auth.password"));
    }

    @Test
    void unreadablePasswordFileIsOneLineWithoutContents(@TempDir Path dir) {
        ConfigException e = assertThrows(ConfigException.class,
                () -> RidesConfig.builder().passwordFile(dir.resolve("missing")));
        assertTrue(e.getMessage().startsWith("cannot read password file"), e.getMessage());
    }

    @Test
    void badValuesAreRejectedWithAReason() {
        assertThrows(ConfigException.class, () -> RidesConfig.builder().hosts("h:0").build());
        assertThrows(ConfigException.class, () -> RidesConfig.builder().hosts("h:x").build());
        assertThrows(ConfigException.class, () -> RidesConfig.builder().hosts(" , ").build());
        assertThrows(ConfigException.class, () -> RidesConfig.builder().buckets(0).build());
        assertThrows(ConfigException.class,
                () -> RidesConfig.builder().trendingWindows(java.util.List.of(0)).build());
        assertThrows(ConfigException.class, () -> RidesConfig.builder().connectorSetting("spark.master", "x"));
    }

    @Test
    void trendingNowWindowsAreHoursFromTheEnvironmentOrTheBuilder() {
        assertEquals(java.util.List.of(1, 6, 24), RidesConfig.fromEnvironment(
                Map.of("RIDES_TRENDING_NOW_WINDOWS", "1, 6,24,6")).build().trendingNowWindows());
        ConfigException notHours = assertThrows(ConfigException.class,
                () -> RidesConfig.fromEnvironment(Map.of("RIDES_TRENDING_NOW_WINDOWS", "1h")));
        assertTrue(notHours.getMessage().contains("RIDES_TRENDING_NOW_WINDOWS"), notHours.getMessage());
        assertThrows(ConfigException.class,
                () -> RidesConfig.builder().trendingNowWindows(java.util.List.of(0)).build());
        ConfigException tooLong = assertThrows(ConfigException.class,
                () -> RidesConfig.builder().trendingNowWindows(java.util.List.of(169)).build());
        assertEquals("trending-now window must be 1..168 hours, got 169", tooLong.getMessage());
        assertThrows(ConfigException.class,
                () -> RidesConfig.builder().trendingNowWindows(java.util.List.of()).build());
    }

    @Test
    void tlsSettingsReachTheConnectorWithTheTruststorePasswordMasked() {
        RidesConfig c = RidesConfig.fromEnvironment(Map.of("RIDES_CASSANDRA_TRUSTSTORE", "/etc/rides/trust.p12",
                "RIDES_CASSANDRA_TRUSTSTORE_PASSWORD", "trust-pw-1")).build();
        Map<String, String> s = ConnectorSettings.of(c);
        assertEquals("true", s.get("spark.cassandra.connection.ssl.enabled"));
        assertEquals("/etc/rides/trust.p12", s.get("spark.cassandra.connection.ssl.trustStore.path"));
        assertEquals("PKCS12", s.get("spark.cassandra.connection.ssl.trustStore.type"));
        assertEquals("trust-pw-1", s.get("spark.cassandra.connection.ssl.trustStore.password"));
        assertFalse(ConnectorSettings.printable(c).toString().contains("trust-pw-1"));
        assertEquals("JKS", RidesConfig.builder().truststore("/x/trust.JKS", null).build().truststoreType());
    }

    @Test
    void throttlesAndSplitSizeReachTheConnector() {
        RidesConfig c = RidesConfig.builder().readsPerSecPerCore(300).writeMbPerSecPerCore(2.5).splitSizeMb(32)
                .fetchSizeRows(500).concurrentWrites(3).localDc("eu-west").readConsistency("LOCAL_QUORUM").build();
        Map<String, String> s = ConnectorSettings.of(c);
        assertEquals("300", s.get("spark.cassandra.input.readsPerSec"));
        assertEquals("2.5", s.get("spark.cassandra.output.throughputMBPerSec"));
        assertEquals("32", s.get("spark.cassandra.input.split.sizeInMB"));
        assertEquals("500", s.get("spark.cassandra.input.fetch.sizeInRows"));
        assertEquals("3", s.get("spark.cassandra.output.concurrent.writes"));
        assertEquals("64", s.get("spark.cassandra.concurrent.reads"), "key-join reads in flight per task");
        assertEquals("eu-west", s.get("spark.cassandra.connection.localDC"));
        assertEquals("LOCAL_QUORUM", s.get("spark.cassandra.input.consistency.level"));
        RidesConfig unthrottled = RidesConfig.builder().readsPerSecPerCore(0).writeMbPerSecPerCore(0).build();
        assertNull(ConnectorSettings.of(unthrottled).get("spark.cassandra.input.readsPerSec"));
        assertNull(ConnectorSettings.of(unthrottled).get("spark.cassandra.output.throughputMBPerSec"));
    }

    @Test
    void connectorSettingsPassThroughAndWin() {
        RidesConfig c = RidesConfig.builder()
                .connectorSetting("spark.cassandra.input.split.sizeInMB", "7")
                .connectorSetting("spark.cassandra.connection.compression", "LZ4")
                .connectorSetting("spark.cassandra.concurrent.reads", "16").build();
        assertEquals("7", ConnectorSettings.of(c).get("spark.cassandra.input.split.sizeInMB"));
        assertEquals("16", ConnectorSettings.of(c).get("spark.cassandra.concurrent.reads"));
        assertEquals("LZ4", ConnectorSettings.of(c).get("spark.cassandra.connection.compression"));
        assertNull(ConnectorSettings.of(c).get("spark.cassandra.auth.username"));
    }
}
