package com.rides.jobs;

import com.rides.config.RidesConfig;

import java.nio.file.Path;
import java.util.List;

/** The launcher's main in a JVM of its own (this JVM's class path and module flags), for runs that must be processes. */
final class Launcher {

    private Launcher() {
    }

    /** `Rides args...` against the config's node and keyspaces. */
    static ProcessBuilder rides(RidesConfig config, String... args) {
        List<String> command = JvmCommand.launcher();
        command.addAll(List.of(args));
        command.addAll(List.of("--hosts", String.join(",", config.hosts()), "--raw-keyspace", config.rawKeyspace(),
                "--stats-keyspace", config.statsKeyspace()));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
