package com.rides.testing;

import com.rides.config.RidesConfig;
import org.testcontainers.cassandra.CassandraContainer;
import org.testcontainers.utility.DockerImageName;

/** A {@code cassandra:5.0} container; Testcontainers' reaper removes it even if the JVM dies. */
final class ContainerCassandra implements CassandraNode {

    static final String IMAGE = "cassandra:5.0";

    private final CassandraContainer container;

    private ContainerCassandra(CassandraContainer container) {
        this.container = container;
    }

    static ContainerCassandra start() {
        CassandraContainer container = new CassandraContainer(DockerImageName.parse(IMAGE));
        container.start();
        // The tests' one node for the JVM's life (see CassandraExtension); Ryuk would reap it too.
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-cassandra-container"));
        return new ContainerCassandra(container);
    }

    @Override
    public RidesConfig.Builder config() {
        // Plain defaults, not the environment: RIDES_* credentials belong to an external cluster.
        return RidesConfig.builder()
                .hosts(container.getHost() + ":" + container.getMappedPort(9042))
                .localDc(container.getLocalDatacenter());
    }

    @Override
    public String describe() {
        return "Testcontainers " + IMAGE + " at " + container.getHost() + ":" + container.getMappedPort(9042);
    }

    @Override
    public void close() {
        container.stop();
    }
}
