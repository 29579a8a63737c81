package com.rides.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A command run as its own process, the way an operator or the scheduler runs it, its
 * output (stdout and stderr together) read line by line as it comes, so that a test can
 * act at a given point of a run (stop a node after the third table written).
 *
 * <p>The timeout holds even when the process hangs with its output open: the lines are
 * read on a thread of their own while this one waits for the deadline. A process that
 * misses it is killed with everything it started (a launcher script's JVM, spark-submit's
 * driver), and the failure carries the thread dumps of its JVMs and what it printed: a
 * hung run on CI must fail in minutes and say where it was stuck, not eat the build's
 * time limit in silence.
 */
public final class RunningProcess {

    public record Result(int code, String output, double seconds) {
        public List<String> failureLines() {
            return output.lines().filter(l -> l.startsWith("rides: ")).toList();
        }
    }

    /** How long a process's output may stay open after it ended (a child it left behind holds it). */
    private static final long DRAIN_SECONDS = 30;

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
    public static Result run(List<String> command, Consumer<String> onLine, long timeoutMinutes) {
        return run(command, Map.of(), onLine, timeoutMinutes);
    }

    /**
     * The same, with {@code env} added to the process's environment (a null value removes
     * the variable) over the test JVM flag of the drivers.
     */
    public static Result run(List<String> command, Map<String, String> env, Consumer<String> onLine,
                      long timeoutMinutes) {
        Map<String, String> all = new HashMap<>(PROCESS_JVM);
        all.putAll(env);
        return exec(command, all, onLine, timeoutMinutes);
    }

    /** Runs a command that starts no Spark driver (a script of scripts/), with {@code env} as in {@link #run}. */
    public static Result exec(List<String> command, Map<String, String> env, Consumer<String> onLine, long timeoutMinutes) {
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
        StringBuffer output = new StringBuffer();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // the stream closed under a killed process: what was read is the output
            } catch (RuntimeException | AssertionError e) {
                failed.set(e); // the test's own line handler failed: rethrown on the test's thread
            }
        }, "output of " + Path.of(command.get(0)).getFileName());
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                String stacks = threadDumps(process);
                killTree(process);
                reader.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
                throw new AssertionError(String.join(" ", command) + " did not end within " + timeoutMinutes
                        + " minutes and was killed. Its JVMs' threads:\n" + stacks + "\nIts output:\n" + output);
            }
            reader.join(TimeUnit.SECONDS.toMillis(DRAIN_SECONDS));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + command.get(0) + " ran", e);
        }
        if (failed.get() instanceof AssertionError e) {
            throw e;
        }
        if (failed.get() instanceof RuntimeException e) {
            throw e;
        }
        return new Result(process.exitValue(), output.toString(), (System.nanoTime() - started) / 1e9);
    }

    public static Result run(List<String> command) {
        return run(command, line -> { }, 10);
    }

    /** Runs it and fails the test, showing what it printed, unless it exits 0. */
    public static Result ok(List<String> command) {
        Result r = run(command);
        if (r.code() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + r.code() + ":\n" + r.output());
        }
        return r;
    }

    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** jstack of every JVM among the process and its descendants (the JDK's own tool, next to this JVM). */
    private static String threadDumps(Process process) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        if (!Files.isExecutable(jstack)) {
            return "(no jstack at " + jstack + ")";
        }
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        StringBuilder dumps = new StringBuilder();
        for (ProcessHandle p : all) {
            String cmd = p.info().command().orElse("");
            if (!cmd.endsWith("/java")) {
                continue;
            }
            try {
                Process dump = new ProcessBuilder(jstack.toString(), Long.toString(p.pid())).redirectErrorStream(true).start();
                dump.getOutputStream().close();
                byte[] text = dump.getInputStream().readAllBytes(); // jstack ends on its own
                dump.waitFor(1, TimeUnit.MINUTES);
                dumps.append("--- pid ").append(p.pid()).append(' ').append(p.info().commandLine().orElse(cmd))
                        .append('\n').append(new String(text, StandardCharsets.UTF_8));
            } catch (IOException e) {
                dumps.append("--- pid ").append(p.pid()).append(": jstack failed: ").append(e.getMessage()).append('\n');
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return dumps.length() == 0 ? "(no JVM among the process and its children)" : dumps.toString();
    }
}
