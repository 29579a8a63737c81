package com.rides.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/** Picks a CQL port for scripts/local-cassandra whose derived ports are free too. */
public final class FreePorts {

    /** Must match STORAGE_OFFSET and JMX_OFFSET in scripts/local-cassandra. */
    public static final int STORAGE_OFFSET = 10_000;
    public static final int JMX_OFFSET = 20_000;

    /**
     * 10000..12767 keeps P, P+10000 and P+20000 all below Linux's ephemeral range
     * (32768+), so an outgoing connection cannot grab one between the check and the start.
     */
    private static final int LOW = 10_000;
    private static final int HIGH = 12_768;
    /**
     * Ports are drawn in steps of this: node k of a cluster on P has its JMX port at
     * P+20000+k-1, so a node started later on P+1 collided with node 2's (seen once in
     * LocalCassandraScriptTest); with P a step apart, no two picks' node ports meet.
     */
    private static final int MAX_NODES = 8;

    private FreePorts() {
    }

    /** A port for one node. */
    public static int cqlPort() {
        return cqlPort(1);
    }

    /**
     * A port for a cluster of {@code nodes} (node k on 127.0.0.k): free on every node's
     * address, with each node's storage port and JMX port free too.
     */
    public static int cqlPort(int nodes) {
        if (nodes < 1 || nodes > MAX_NODES) {
            throw new IllegalArgumentException("1 to " + MAX_NODES + " nodes, not " + nodes);
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LOW + MAX_NODES * ThreadLocalRandom.current().nextInt((HIGH - LOW) / MAX_NODES);
            if (IntStream.rangeClosed(1, nodes).allMatch(k -> free("127.0.0." + k, port)
                    && free("127.0.0." + k, port + STORAGE_OFFSET) && free("127.0.0.1", port + JMX_OFFSET + k - 1))) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + LOW + ".." + HIGH + " for " + nodes
                + " node(s) with free +" + STORAGE_OFFSET + " and +" + JMX_OFFSET + " neighbours");
    }

    /** Whether a server socket can bind {@code host:port} now. */
    public static boolean free(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
