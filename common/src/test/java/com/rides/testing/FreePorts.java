package com.rides.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** Picks a CQL port for scripts/local-cassandra whose derived ports are free too. */
public final class FreePorts {

    /** Must match STORAGE_OFFSET and JMX_OFFSET in scripts/local-cassandra. */
    static final int STORAGE_OFFSET = 10_000;
    static final int JMX_OFFSET = 20_000;

    /**
     * 10000..12767 keeps P, P+10000 and P+20000 all below Linux's ephemeral range
     * (32768+), so an outgoing connection cannot grab one between the check and the start.
     */
    private static final int LOW = 10_000;
    private static final int HIGH = 12_768;

    private FreePorts() {
    }

    public static int cqlPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (free(port) && free(port + STORAGE_OFFSET) && free(port + JMX_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port in " + LOW + ".." + HIGH + " with free +"
                + STORAGE_OFFSET + " and +" + JMX_OFFSET + " neighbours");
    }

    static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
