package com.rides.jobs;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher in a JVM of its own, from this JVM's java, class path and module flags:
 * what scripts/rides runs, without its build step. For the benchmark's fresh `adhoc`
 * process and for tests that need a process of its own.
 */
public final class JvmCommand {

    private JvmCommand() {
    }

    /** java ... com.rides.jobs.Rides, to which a command and its arguments are added. */
    public static List<String> launcher() {
        return launcher("-Xmx1g");
    }

    /** The same with a heap flag of its own ({@code -Xmx2g}: what scripts/rides gives a job). */
    public static List<String> launcher(String heap) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                heap, "-cp", System.getProperty("java.class.path")));
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("--add-") || flag.startsWith("-Dio.netty") || flag.startsWith("-Djdk.reflect")
                    || flag.startsWith("-Djava.security") || flag.startsWith("-XX:+IgnoreUnrecognized")
                    // the JIT and collector of the JVM that starts it: the tests' quick ones
                    || flag.startsWith("-XX:TieredStopAtLevel") || flag.equals("-XX:+UseParallelGC")) {
                command.add(flag);
            }
        }
        command.add(Rides.class.getName());
        return command;
    }
}
