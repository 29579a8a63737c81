package com.rides.jobs;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher in a JVM of its own, from this JVM's java, class path and module flags:
 * what scripts/rides runs, without its build step. For the benchmark's cold processes and
 * fresh `adhoc` processes, and for tests that need a process of their own.
 */
public final class JvmCommand {

    /**
     * Extra flags, split on spaces, for every launcher process this JVM starts. The tests
     * set the C1 compiler here: their processes run a night of a few dozen rides, which
     * C1 compiles for less than the JIT's default (see docs/testing.md). Unset, a launched
     * process gets the JVM's defaults, as scripts/rides gives them.
     */
    public static final String EXTRA_FLAGS = "rides.launcher.jvm";

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
                    // the JIT and collector of the JVM that starts it (a benchmark run with C1 only)
                    || flag.startsWith("-XX:TieredStopAtLevel") || flag.equals("-XX:+UseParallelGC")) {
                command.add(flag);
            }
        }
        command.addAll(extraFlags()); // after the inherited ones: the JVM takes a flag's last value
        command.add(Rides.class.getName());
        return command;
    }

    /** The flags of {@link #EXTRA_FLAGS}, none when it is unset or blank. */
    public static List<String> extraFlags() {
        String flags = System.getProperty(EXTRA_FLAGS, "").strip();
        return flags.isEmpty() ? List.of() : List.of(flags.split("\\s+"));
    }
}
