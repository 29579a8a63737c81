package com.rides.testing;

import com.rides.config.RidesConfig;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Map;

/**
 * A Cassandra the tests of one JVM share. Closing it stops what the tests started
 * (a container, a local process); an external cluster is left alone.
 */
interface CassandraNode extends ExtensionContext.Store.CloseableResource {

    /** Connection settings for this node; the caller adds its own keyspaces. */
    RidesConfig.Builder config();

    /** One line for the test log: which Cassandra the tests ran against. */
    String describe();

    static CassandraNode start(CassandraSource source, Map<String, String> env, Path localDataDir) {
        return switch (source) {
            case EXTERNAL -> new External(env);
            case TESTCONTAINERS -> ContainerCassandra.start();
            case LOCAL_PROCESS -> LocalProcessCassandra.start(localDataDir);
        };
    }

    /** RIDES_CASSANDRA_HOSTS and friends (local DC, username, password, truststore), as the jobs read them. */
    record External(Map<String, String> env) implements CassandraNode {
        @Override
        public RidesConfig.Builder config() {
            return RidesConfig.fromEnvironment(env);
        }

        @Override
        public String describe() {
            return "external Cassandra at " + env.get("RIDES_CASSANDRA_HOSTS");
        }

        @Override
        public void close() {
        }
    }
}
