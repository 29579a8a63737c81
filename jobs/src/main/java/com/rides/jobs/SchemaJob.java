package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import com.rides.schema.Replication;
import com.rides.schema.SchemaInstaller;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** `schema`: creates both keyspaces and every table if they do not exist. */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Create both keyspaces and all tables if they do not exist (idempotent).")
public class SchemaJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @ArgGroup(exclusive = true)
    ReplicationChoice replication = new ReplicationChoice();

    static class ReplicationChoice {
        @Option(names = "--replication-factor", description = "SimpleStrategy factor (default 1)")
        Integer simple;

        @Option(names = "--dc-replication", paramLabel = "DC:RF,...",
                description = "NetworkTopologyStrategy, a factor per data centre, e.g. dc1:3,dc2:3")
        String perDc;

        Replication resolve() {
            if (perDc != null) {
                return Replication.networkTopology(perDc);
            }
            return Replication.simple(simple == null ? 1 : simple);
        }
    }

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        Replication r = replication.resolve();
        try (CqlSession session = CassandraSessions.open(config)) {
            List<String> statements = run(session, config, r);
            out().printf("schema: %d statements applied to keyspaces %s and %s (replication %s)%n",
                    statements.size(), config.rawKeyspace(), config.statsKeyspace(), r.cql());
        }
        return 0;
    }

    public static List<String> run(CqlSession session, RidesConfig config, Replication replication) {
        return SchemaInstaller.install(session, config, replication);
    }
}
