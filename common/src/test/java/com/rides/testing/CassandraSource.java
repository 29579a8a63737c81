package com.rides.testing;

import java.util.Map;
import java.util.function.BooleanSupplier;

/** Where the tests get their Cassandra from; see {@link #choose}. */
public enum CassandraSource {
    /** A cluster someone runs already, named by RIDES_CASSANDRA_HOSTS (CI, a shared test cluster). */
    EXTERNAL,
    /** A throw-away {@code cassandra:5.0} container, where Docker answers. */
    TESTCONTAINERS,
    /** A node started by {@code scripts/local-cassandra}: works with nothing but a JDK and Maven. */
    LOCAL_PROCESS;

    /**
     * First match wins: an explicit cluster, then Docker, then a local process. Docker is
     * asked only when needed, since the check itself can take a few seconds.
     */
    public static CassandraSource choose(Map<String, String> env, BooleanSupplier dockerAvailable) {
        String hosts = env.get("RIDES_CASSANDRA_HOSTS");
        if (hosts != null && !hosts.isBlank()) {
            return EXTERNAL;
        }
        return dockerAvailable.getAsBoolean() ? TESTCONTAINERS : LOCAL_PROCESS;
    }
}
