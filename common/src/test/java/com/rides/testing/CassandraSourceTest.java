package com.rides.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.BooleanSupplier;

import static com.rides.testing.CassandraSource.EXTERNAL;
import static com.rides.testing.CassandraSource.LOCAL_PROCESS;
import static com.rides.testing.CassandraSource.TESTCONTAINERS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

class CassandraSourceTest {

    private static final BooleanSupplier DOCKER = () -> true;
    private static final BooleanSupplier NO_DOCKER = () -> false;
    private static final BooleanSupplier MUST_NOT_ASK = () -> fail("Docker must not be asked when a cluster is named");

    @Test
    void aNamedClusterWinsAndDockerIsNotAsked() {
        assertEquals(EXTERNAL, CassandraSource.choose(Map.of("RIDES_CASSANDRA_HOSTS", "10.0.0.5:9042"), MUST_NOT_ASK));
        assertEquals(EXTERNAL, CassandraSource.choose(
                Map.of("RIDES_CASSANDRA_HOSTS", "a:9042,b:9042", "RIDES_CASSANDRA_LOCAL_DC", "dc2"), MUST_NOT_ASK));
    }

    @Test
    void dockerWhenNoClusterIsNamed() {
        assertEquals(TESTCONTAINERS, CassandraSource.choose(Map.of(), DOCKER));
    }

    @Test
    void localProcessWithoutDocker() {
        assertEquals(LOCAL_PROCESS, CassandraSource.choose(Map.of(), NO_DOCKER));
    }

    @Test
    void blankHostsDoNotCountAsACluster() {
        assertEquals(LOCAL_PROCESS, CassandraSource.choose(Map.of("RIDES_CASSANDRA_HOSTS", "  "), NO_DOCKER));
        assertEquals(TESTCONTAINERS, CassandraSource.choose(Map.of("RIDES_CASSANDRA_HOSTS", ""), DOCKER));
    }

    @Test
    void credentialsAloneDoNotNameACluster() {
        Map<String, String> env = Map.of("RIDES_CASSANDRA_USERNAME", "u", "RIDES_CASSANDRA_PASSWORD", "p",
                "RIDES_CASSANDRA_LOCAL_DC", "dc1");
        assertEquals(LOCAL_PROCESS, CassandraSource.choose(env, NO_DOCKER));
    }
}
