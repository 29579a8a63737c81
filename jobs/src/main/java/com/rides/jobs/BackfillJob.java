package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.pipeline.NightlyPipeline;
import com.rides.pipeline.RunCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * `backfill --from A --to B`: nightly for every day of the range, oldest first, a
 * chunk of days per Spark run (the result is the same as one day at a time; each
 * chunk is one nightly run in job_runs). --resume skips days nightly already finished.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true, description = "Run nightly for each day in a range, with progress.")
public class BackfillJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--from", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--chunk-days", description = "days per Spark run (default 7)")
    int chunkDays = 7;

    @Option(names = "--resume", description = "skip days that nightly has already finished")
    boolean resume;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        run(config, from, to, chunkDays, resume, out());
        return 0;
    }

    /** @param progress where to report each chunk; null for silence */
    public static RunCounts run(RidesConfig config, LocalDate from, LocalDate to, int chunkDays, boolean resume,
                                java.io.PrintWriter progress) {
        if (to.isBefore(from)) {
            throw new ConfigException("--to " + to + " is before --from " + from);
        }
        if (chunkDays < 1) {
            throw new ConfigException("--chunk-days must be positive, got " + chunkDays);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        Set<LocalDate> done = resume ? finishedDays(config, from, to) : Set.of();
        days.removeIf(done::contains);
        RunCounts total = new RunCounts();
        long start = System.nanoTime();
        int processed = 0;
        for (int i = 0; i < days.size(); i += chunkDays) {
            TreeSet<LocalDate> chunk = new TreeSet<>(days.subList(i, Math.min(days.size(), i + chunkDays)));
            if (progress != null) {
                // Before the chunk, not only after it: a first chunk (Spark's start, the reads) takes minutes.
                progress.printf(java.util.Locale.ROOT, "backfill: days %d..%d of %d (%s..%s): nightly ...%n",
                        processed + 1, processed + chunk.size(), days.size(), chunk.first(), chunk.last());
                progress.flush();
            }
            long chunkStart = System.nanoTime();
            Progress terminal = Progress.toConsole(progress);
            RunCounts counts = JobRunner.run(config, "nightly", chunk.last(),
                    (tables, runId) -> new NightlyPipeline(tables, table -> terminal.say(String.format(
                            java.util.Locale.ROOT, "  %5.1f s  wrote %s", (System.nanoTime() - chunkStart) / 1e9, table)))
                            .run(chunk, runId));
            total.merge(counts);
            processed += chunk.size();
            if (progress != null) {
                progress.printf(java.util.Locale.ROOT, "backfill: day %d of %d (%s..%s): %,d workouts, %,d samples; %.0f s elapsed%n",
                        processed, days.size(), chunk.first(), chunk.last(), counts.get("workouts_read"),
                        counts.get("samples_read"), (System.nanoTime() - start) / 1e9);
            }
        }
        if (progress != null) {
            progress.printf("backfill %s..%s: %d days processed%s; %s%n", from, to, days.size(),
                    done.isEmpty() ? "" : ", " + done.size() + " skipped as already done", total);
        }
        return total;
    }

    private static Set<LocalDate> finishedDays(RidesConfig config, LocalDate from, LocalDate to) {
        Set<LocalDate> out = new HashSet<>();
        try (CqlSession session = CassandraSessions.open(config)) {
            session.execute("SELECT day FROM " + config.qualifiedStats("processed_days")
                            + " WHERE job = 'nightly' AND day >= ? AND day <= ?", from, to)
                    .forEach(r -> out.add(r.getLocalDate(0)));
        }
        return out;
    }
}
