package com.rides.jobs;

import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.pipeline.RunCounts;
import com.rides.runs.Timeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.LocalDate;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * `nightly --date D [--lookback L]`: processes day D and the L days before it (late
 * data) into every result table, then checks those days' figures. Reads the raw
 * partitions of those days only. Exits 3 when an error-level check failed (after
 * writing everything), 75 when another run holds the run lease.
 */
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "Process day D and the L days before it into every result table.")
public class NightlyJob extends CliCommand implements Callable<Integer> {

    public static final int DEFAULT_LOOKBACK = 2;

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--date", required = true, converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "the day to process (UTC)")
    LocalDate date;

    @Option(names = "--lookback", paramLabel = "L", description = "days before D to reprocess for late data (default 2)")
    int lookback = DEFAULT_LOOKBACK;

    @Option(names = "--timings", description = "print, at the end, where the process's seconds went"
            + " (seconds since the JVM started)")
    boolean timings;

    @Override
    public Integer call() {
        Timeline timeline = timings ? Timeline.start() : null;
        Timeline.mark("launcher started, options read");
        RidesConfig config = cluster.toConfig(System.getenv());
        long start = System.nanoTime();
        TreeSet<LocalDate> days = days(date, lookback);
        // Said first: connecting, starting Spark and reading the days' rides take a while before the first write.
        out().printf("nightly %s (lookback %d): processing %s..%s: connecting, starting Spark, reading the rides "
                + "and their samples ...%n", date, lookback, days.first(), days.last());
        out().flush();
        // One line per table written: when a run fails, its log shows how far it got.
        NightRun.Result result = NightRun.alone(config, date, days, table -> {
            Timeline.mark("wrote " + table);
            out().printf("  %5.1f s  wrote %s%n", (System.nanoTime() - start) / 1e9, table);
        });
        Timeline.mark("run recorded as ended");
        NightRun.printFailedChecks(result.checks(), out());
        out().printf("nightly %s (lookback %d): %s; %.1f s%n", date, lookback, result,
                (System.nanoTime() - start) / 1e9);
        if (timeline != null) {
            timeline.lines().forEach(out()::println);
        }
        return NightRun.exitCode(result.checks());
    }

    public static RunCounts run(RidesConfig config, LocalDate date, int lookback) {
        return run(config, date, lookback, table -> { });
    }

    /** @param afterEachWrite told each table written, in order (see ResultWriter) */
    public static RunCounts run(RidesConfig config, LocalDate date, int lookback,
                                java.util.function.Consumer<String> afterEachWrite) {
        return NightRun.alone(config, date, days(date, lookback), afterEachWrite).counts();
    }

    static TreeSet<LocalDate> days(LocalDate date, int lookback) {
        if (lookback < 0) {
            throw new ConfigException("--lookback must not be negative, got " + lookback);
        }
        if (lookback > 366) {
            throw new ConfigException("--lookback must be at most 366 days, got " + lookback + " (use rebuild)");
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int i = lookback; i >= 0; i--) {
            days.add(date.minusDays(i));
        }
        return days;
    }
}
