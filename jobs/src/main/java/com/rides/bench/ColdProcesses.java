package com.rides.bench;

import com.rides.config.RidesConfig;
import com.rides.jobs.JvmCommand;
import com.rides.runs.Timeline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The scheduler starts a new process every night: `nightly` as a whole cold process
 * (`scripts/rides nightly` without the script: a JVM of its own, -Xmx2g as the script
 * gives it), against a whole cold process that only does the floor read of the same
 * samples (the hidden `floor-read` command), round after round; and where the cold
 * nightly's seconds go, from its `--timings` marks.
 */
final class ColdProcesses {

    /** The tables' writes run side by side: one phase, from the counted rows to the last table written. */
    static final String STEPS = "the steps: state read by key, figures, every table written (side by side)";
    static final String JVM_START = "JVM start, to the launcher's options read";
    static final String EXIT = "Spark and the JVM shut down, process exit";

    record Result(Runs nightly, Runs floor, Map<String, List<Double>> phases) {
        /** Each phase's median, in the order of a night. */
        Map<String, Double> phaseMedians() {
            Map<String, Double> medians = new LinkedHashMap<>();
            phases.forEach((what, seconds) -> medians.put(what, Median.of(seconds)));
            return medians;
        }
    }

    private ColdProcesses() {
    }

    static Result measure(RidesConfig config, LocalDate day, int lookback, int repeats) {
        List<String> target = List.of("--hosts", String.join(",", config.hosts()), "--raw-keyspace", config.rawKeyspace(),
                "--stats-keyspace", config.statsKeyspace(), "--date", day.toString(), "--lookback", String.valueOf(lookback));
        Runs nightly = new Runs("nightly D, a cold process (scripts/rides nightly)");
        Runs floor = new Runs("floor: key-join read of D and lookback, a cold process");
        Map<String, List<Double>> phases = new LinkedHashMap<>();
        for (int i = 0; i < repeats; i++) {
            floor.add(run("floor-read", target).seconds());
            Ended run = run("nightly", withTimings(target));
            nightly.add(run.seconds());
            phasesOf(run.marks(), run.seconds()).forEach((what, s) -> phases.computeIfAbsent(what, k -> new ArrayList<>()).add(s));
        }
        return new Result(nightly, floor, phases);
    }

    private static List<String> withTimings(List<String> target) {
        List<String> args = new ArrayList<>(target);
        args.add("--timings");
        return args;
    }

    /**
     * A night's phases from its marks: JVM start to the first mark, each mark after the
     * one before it, the tables' writes as one phase, and the process's end after the last
     * mark (the parent's clock; the JVM's start time is taken within milliseconds of the
     * process's).
     */
    static Map<String, Double> phasesOf(List<Timeline.Mark> marks, double wholeSeconds) {
        Map<String, Double> phases = new LinkedHashMap<>();
        if (marks.isEmpty()) {
            return phases;
        }
        phases.put(JVM_START, marks.get(0).seconds());
        double previous = marks.get(0).seconds();
        for (Timeline.Mark m : marks.subList(1, marks.size())) {
            String what = m.what().startsWith("wrote ") ? STEPS : m.what();
            phases.merge(what, m.seconds() - previous, Double::sum);
            previous = m.seconds();
        }
        phases.put(EXIT, Math.max(0, wholeSeconds - previous));
        return phases;
    }

    /** A cold process that ended: its whole time and the marks it printed. */
    private record Ended(double seconds, List<Timeline.Mark> marks) {
    }

    private static Ended run(String command, List<String> args) {
        List<String> line = JvmCommand.launcher("-Xmx2g");
        line.add(command);
        line.addAll(args);
        long started = System.nanoTime();
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).start();
            p.getOutputStream().close();
            List<Timeline.Mark> marks = new ArrayList<>();
            StringBuilder output = new StringBuilder();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = out.readLine(); l != null; l = out.readLine()) {
                    output.append(l).append('\n');
                    Timeline.Mark m = Timeline.parse(l);
                    if (m != null) {
                        marks.add(m);
                    }
                }
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException("the cold " + command + " process failed (exit "
                        + (p.isAlive() ? "none" : p.exitValue()) + "): " + output.toString().strip());
            }
            return new Ended((System.nanoTime() - started) / 1e9, marks);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the cold " + command + " process: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
