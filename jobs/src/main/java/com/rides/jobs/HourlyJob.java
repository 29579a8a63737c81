package com.rides.jobs;

import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.pipeline.HourlyTrending;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

/**
 * `hourly --at YYYY-MM-DDTHH:00Z`: the trending_now snapshots at that instant, for every
 * configured window, from the raw workouts partitions of the days the windows overlap,
 * so the app shows "popular right now" before the night's run. Recorded in job_runs; it
 * takes no run lease: it writes only those snapshots, which no run merges with, and a
 * nightly writing the same snapshot writes it from the same rows (each snapshot is
 * swapped whole), so hourly neither waits for a long backfill nor holds up a nightly.
 */
@Command(name = "hourly", mixinStandardHelpOptions = true,
        description = "Write the trending_now snapshots at a whole UTC hour (run every hour at HH:00 for that hour).")
public class HourlyJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--at", required = true, converter = Hours.class, paramLabel = "YYYY-MM-DDTHH:00Z",
            description = "the snapshot's instant, a whole UTC hour that has passed: it counts rides started in the"
                    + " hours before it")
    Instant at;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        if (at.isAfter(Instant.now())) {
            // Its window is not over: the snapshot would show part of the hour as the whole.
            throw new ConfigException("--at " + at + " is in the future: a snapshot is written once its hour has passed");
        }
        long start = System.nanoTime();
        HourlyTrending.Result result = run(config, at);
        out().printf("hourly %s: %s; %.1f s%n", at, result, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    public static HourlyTrending.Result run(RidesConfig config, Instant at) {
        return JobRunner.sparkRecorded(config, "hourly", at.atZone(ZoneOffset.UTC).toLocalDate(),
                (tables, run) -> new HourlyTrending(tables).run(at), HourlyTrending.Result::asMap);
    }
}
