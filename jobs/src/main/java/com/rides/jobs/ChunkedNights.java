package com.rides.jobs;

import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.runs.RunLease;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

/**
 * Nightly over a list of days, oldest first, a chunk of days per Spark run (the
 * pipeline takes any set of days, so the result is that of one day at a time, at a
 * fraction of the overhead). Each chunk is one nightly run in job_runs, under the
 * caller's run lease. Shared by backfill and catch-up.
 */
final class ChunkedNights {

    private ChunkedNights() {
    }

    static void requirePositive(int chunkDays) {
        if (chunkDays < 1) {
            throw new ConfigException("--chunk-days must be positive, got " + chunkDays);
        }
    }

    /**
     * @param command  names the progress lines ("backfill: day 7 of 30 …")
     * @param progress where to report each chunk and its failed checks; null for silence
     */
    static NightRun.Result run(RunLease lease, RidesConfig config, List<LocalDate> days, int chunkDays, String command,
                               PrintWriter progress) {
        requirePositive(chunkDays);
        NightRun.Result total = NightRun.NOTHING;
        long start = System.nanoTime();
        int processed = 0;
        for (int i = 0; i < days.size(); i += chunkDays) {
            TreeSet<LocalDate> chunk = new TreeSet<>(days.subList(i, Math.min(days.size(), i + chunkDays)));
            if (progress != null) {
                // Before the chunk, not only after it: a first chunk (Spark's start, the reads) takes minutes.
                progress.printf(java.util.Locale.ROOT, "%s: days %d..%d of %d (%s..%s): nightly ...%n", command,
                        processed + 1, processed + chunk.size(), days.size(), chunk.first(), chunk.last());
                progress.flush();
            }
            long chunkStart = System.nanoTime();
            Progress terminal = Progress.toConsole(progress);
            NightRun.Result result = NightRun.chunk(lease, config, chunk, table -> terminal.say(String.format(
                    java.util.Locale.ROOT, "  %5.1f s  wrote %s", (System.nanoTime() - chunkStart) / 1e9, table)));
            total = total.plus(result);
            processed += chunk.size();
            if (progress != null) {
                NightRun.printFailedChecks(result.checks(), progress);
                progress.printf(java.util.Locale.ROOT, "%s: day %d of %d (%s..%s): %,d workouts, %,d samples; %.0f s elapsed%n", command,
                        processed, days.size(), chunk.first(), chunk.last(), result.counts().get("workouts_read"),
                        result.counts().get("samples_read"), (System.nanoTime() - start) / 1e9);
                progress.flush();
            }
        }
        return total;
    }
}
