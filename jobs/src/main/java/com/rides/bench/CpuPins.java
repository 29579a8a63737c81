package com.rides.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pins processes, every thread of them, to CPUs with taskset, standing in for separate
 * machines on one; remembers each process's mask so that {@link #restore} undoes it.
 * Processes they start later (a Worker's executors) inherit the mask.
 */
final class CpuPins {

    private final Map<Long, String> before = new LinkedHashMap<>();

    void pin(String cpus, List<Long> pids) throws IOException, InterruptedException {
        for (long pid : pids) {
            before.putIfAbsent(pid, mask(pid));
            taskset("-a", "-pc", cpus, String.valueOf(pid));
        }
    }

    void restore() {
        before.forEach((pid, mask) -> {
            try {
                taskset("-a", "-p", mask, String.valueOf(pid));
            } catch (IOException | InterruptedException | IllegalStateException e) {
                // the process may have ended; nothing to restore then
            }
        });
        before.clear();
    }

    private static String mask(long pid) throws IOException, InterruptedException {
        String out = taskset("-p", String.valueOf(pid));
        return out.substring(out.lastIndexOf(':') + 1).strip(); // "pid 123's current affinity mask: 3"
    }

    private static String taskset(String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("taskset"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("taskset " + String.join(" ", args) + ": " + out.strip());
        }
        return out;
    }
}
