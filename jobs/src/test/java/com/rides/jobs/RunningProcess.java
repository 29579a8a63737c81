package com.rides.jobs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A command run as its own process, the way an operator or the scheduler runs it, its
 * output (stdout and stderr together) read line by line as it comes, so that a test can
 * act at a given point of a run (stop a node after the third table written).
 */
final class RunningProcess {

    record Result(int code, String output, double seconds) {
        List<String> failureLines() {
            return output.lines().filter(l -> l.startsWith("rides: ")).toList();
        }
    }

    /**
     * The JVM flag of the drivers these tests start and of their executors (the pom's
     * rides.test.process.jvm): a spark.* system property of a driver reaches its executors.
     * A test's own {@code env} wins over it.
     */
    private static final Map<String, String> PROCESS_JVM = processJvm(System.getProperty("rides.test.process.jvm", ""));

    private static Map<String, String> processJvm(String property) {
        String flag = property.strip();
        if (flag.isEmpty()) {
            return Map.of();
        }
        if (flag.contains(" ")) {
            // scripts/rides splits RIDES_JAVA_OPTS on spaces: a second flag would end the executors' option
            throw new IllegalArgumentException("rides.test.process.jvm takes one JVM flag, got '" + flag + "'");
        }
        String withExecutors = flag + " -Dspark.executor.defaultJavaOptions=" + flag;
        return Map.of("SPARK_SUBMIT_OPTS", withExecutors, "RIDES_JAVA_OPTS", "-Xmx2g " + withExecutors);
    }

    private RunningProcess() {
    }

    /** Runs {@code command} to its end, telling {@code onLine} every line as it is printed. */
    static Result run(List<String> command, Consumer<String> onLine, long timeoutMinutes) {
        return run(command, Map.of(), onLine, timeoutMinutes);
    }

    /** The same, with {@code env} added to the process's environment. */
    static Result run(List<String> command, Map<String, String> env, Consumer<String> onLine,
                      long timeoutMinutes) {
        long started = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(PROCESS_JVM);
            builder.environment().putAll(env);
            Process process = builder.start();
            process.getOutputStream().close();
            StringBuilder output = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    onLine.accept(line);
                }
            }
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutMinutes
                        + " minutes:\n" + output);
            }
            return new Result(process.exitValue(), output.toString(), (System.nanoTime() - started) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(List<String> command) {
        return run(command, line -> { }, 10);
    }

    /** Runs it and fails the test, showing what it printed, unless it exits 0. */
    static Result ok(List<String> command) {
        Result r = run(command);
        if (r.code() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.code() + ":\n" + r.output());
        }
        return r;
    }
}
