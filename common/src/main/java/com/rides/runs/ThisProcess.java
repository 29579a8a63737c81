package com.rides.runs;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The host name and process id a lease holder is known by. */
final class ThisProcess {

    private static volatile String host;

    private ThisProcess() {
    }

    static long pid() {
        return ProcessHandle.current().pid();
    }

    static String host() {
        if (host == null) {
            host = lookUp();
        }
        return host;
    }

    private static String lookUp() {
        String fromEnv = System.getenv("HOSTNAME");
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            // A host without a resolvable name of its own still has one for people.
            return fromEnv != null && !fromEnv.isBlank() ? fromEnv : "unknown";
        }
    }
}
