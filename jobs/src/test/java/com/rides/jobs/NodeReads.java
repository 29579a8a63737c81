package com.rides.jobs;

import javax.management.ObjectName;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many reads each node has served from its own replicas of a keyspace's tables:
 * Cassandra's per-table ReadLatency (single partitions) and RangeLatency (scans) counts,
 * read over the node's JMX port, as nodetool tablestats shows them. A node counts a read
 * only when its replica answers one, so comparing two snapshots tells which nodes did
 * the work of a run, whatever the driver or connector settings claim.
 *
 * <p>The run lease's table is left out: its lightweight transactions run at SERIAL by
 * default, a Paxos round whose read phase asks a quorum of all replicas in every DC, on
 * purpose (docs/scheduling.md), so the app DC serves those few reads by design.
 */
final class NodeReads {

    private NodeReads() {
    }

    /** The table whose reads every DC serves by design (see the class comment). */
    static final String LEASE_TABLE = "run_lease";

    /** node number -> reads served of {@code keyspaces}' tables but the lease's so far. */
    static Map<Integer, Long> snapshot(LocalClusters clusters, String... keyspaces) {
        Map<Integer, Long> reads = new LinkedHashMap<>();
        for (int node = 1; node <= LocalClusters.NODES; node++) {
            reads.put(node, served(clusters.jmxPort(node), keyspaces));
        }
        return reads;
    }

    /** after - before, node by node. */
    static Map<Integer, Long> since(Map<Integer, Long> before, Map<Integer, Long> after) {
        Map<Integer, Long> delta = new LinkedHashMap<>();
        after.forEach((node, n) -> delta.put(node, n - before.getOrDefault(node, 0L)));
        return delta;
    }

    static long served(int jmxPort, String... keyspaces) {
        return NodeJmx.call(jmxPort, beans -> {
            long total = 0;
            for (String keyspace : keyspaces) {
                for (String metric : new String[] {"ReadLatency", "RangeLatency"}) {
                    ObjectName pattern = new ObjectName("org.apache.cassandra.metrics:type=Table,keyspace=" + keyspace
                            + ",scope=*,name=" + metric);
                    for (ObjectName name : beans.queryNames(pattern, null)) {
                        if (LEASE_TABLE.equals(name.getKeyProperty("scope"))) {
                            continue;
                        }
                        total += ((Number) beans.getAttribute(name, "Count")).longValue();
                    }
                }
            }
            return total;
        });
    }
}
