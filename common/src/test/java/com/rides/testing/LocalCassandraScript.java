package com.rides.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code scripts/local-cassandra} and hands back its exit code and output. */
public final class LocalCassandraScript {

    /** The script's own start timeout is 180 s; this only guards against a hung script. */
    private static final long MAX_SECONDS = 600;


    public record Result(int exitCode, String output) {
        public boolean ok() {
            return exitCode == 0;
        }
    }

    private final Path script;

    public LocalCassandraScript(Path repoRoot) {
        this.script = repoRoot.resolve("scripts").resolve("local-cassandra");
    }

    public Result start(int port, Path dataDir) {
        return run("start", "--port", Integer.toString(port), "--data", dataDir.toString());
    }

    /** As {@link #start}, with a heap of its own (LOCAL_CASSANDRA_HEAP, e.g. "2G"). */
    public Result start(int port, Path dataDir, String heap) {
        return run(Map.of("LOCAL_CASSANDRA_HEAP", heap), "start", "--port", Integer.toString(port), "--data",
                dataDir.toString());
    }

    public Result stop(Path dataDir) {
        return run("stop", "--data", dataDir.toString());
    }

    public Result status(Path dataDir) {
        return run("status", "--data", dataDir.toString());
    }

    public Result run(String... args) {
        return run(Map.of(), args);
    }

    private Result run(Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", script.toString()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            // -Drides.test.cassandra.jvm="-XX:..." gives the tests' nodes extra JVM flags (none by default).
            String extra = System.getProperty("rides.test.cassandra.jvm", "");
            if (!extra.isBlank()) {
                builder.environment().putIfAbsent("LOCAL_CASSANDRA_JVM_OPTS", extra);
            }
            Process process = builder.start();
            process.getOutputStream().close();
            // Read on this thread: the output is small, and the script ends before the node
            // does because the node's output goes to its own log file.
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(MAX_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("scripts/local-cassandra " + String.join(" ", args) + " hung");
            }
            return new Result(process.exitValue(), output.strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
