package com.rides.jobs;

import com.rides.config.RidesConfig;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The launcher's main in a JVM of its own (this JVM's class path and module flags), for runs that must be processes. */
final class Launcher {

    private Launcher() {
    }

    /** `Rides args...` against the config's node and keyspaces. */
    static ProcessBuilder rides(RidesConfig config, String... args) {
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.addAll(moduleFlags());
        command.add(Rides.class.getName());
        command.addAll(List.of(args));
        command.addAll(List.of("--hosts", String.join(",", config.hosts()), "--raw-keyspace", config.rawKeyspace(),
                "--stats-keyspace", config.statsKeyspace()));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The JDK 17 flags Spark needs, as this JVM got them from scripts/jvm.properties. */
    static List<String> moduleFlags() {
        List<String> flags = new ArrayList<>();
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("-Djava.security") || flag.startsWith("-Dio.netty")) {
                flags.add(flag);
            }
        }
        return flags;
    }
}
