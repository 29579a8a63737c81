package com.rides.config;

import java.io.Serializable;

/** One "host:port" entry of RIDES_CASSANDRA_HOSTS; the port defaults to 9042. */
public record HostPort(String host, int port) implements Serializable {

    public static HostPort parse(String text) {
        String s = text.trim();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            return new HostPort(requireHost(s, text), 9042);
        }
        String host = requireHost(s.substring(0, colon), text);
        try {
            int port = Integer.parseInt(s.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new ConfigException("bad Cassandra host '" + text + "': port must be 1..65535");
            }
            return new HostPort(host, port);
        } catch (NumberFormatException e) {
            throw new ConfigException("bad Cassandra host '" + text + "': port is not a number");
        }
    }

    private static String requireHost(String host, String text) {
        if (host.isBlank() || host.contains(" ")) {
            throw new ConfigException("bad Cassandra host '" + text + "'");
        }
        return host;
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
