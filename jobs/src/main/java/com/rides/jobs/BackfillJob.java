package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.ConfigException;
import com.rides.config.RidesConfig;
import com.rides.pipeline.RunCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * `backfill --from A --to B`: nightly for every day of the range, oldest first, a
 * chunk of days per Spark run (each chunk is one nightly run in job_runs, the whole
 * one backfill run holding the run lease). --resume skips days nightly already finished.
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
        return NightRun.exitCode(backfill(config, from, to, chunkDays, resume, out()).checks());
    }

    /** @param progress where to report each chunk; null for silence */
    public static RunCounts run(RidesConfig config, LocalDate from, LocalDate to, int chunkDays, boolean resume,
                                PrintWriter progress) {
        return backfill(config, from, to, chunkDays, resume, progress).counts();
    }

    static NightRun.Result backfill(RidesConfig config, LocalDate from, LocalDate to, int chunkDays, boolean resume,
                                    PrintWriter progress) {
        if (to.isBefore(from)) {
            throw new ConfigException("--to " + to + " is before --from " + from);
        }
        ChunkedNights.requirePositive(chunkDays);
        return JobRunner.leased(config, "backfill", to, run -> {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
            Set<LocalDate> done = resume ? finishedDays(run.session(), config, from, to) : Set.of();
            days.removeIf(done::contains);
            NightRun.Result total = ChunkedNights.run(run.lease(), config, days, chunkDays, "backfill", progress);
            if (progress != null) {
                progress.printf("backfill %s..%s: %d days processed%s; %s%n", from, to, days.size(),
                        done.isEmpty() ? "" : ", " + done.size() + " skipped as already done", total);
            }
            return total;
        }, NightRun.Result::asMap);
    }

    private static Set<LocalDate> finishedDays(CqlSession session, RidesConfig config, LocalDate from, LocalDate to) {
        Set<LocalDate> out = new HashSet<>();
        session.execute("SELECT day FROM " + config.qualifiedStats("processed_days")
                        + " WHERE job = 'nightly' AND day >= ? AND day <= ?", from, to)
                .forEach(r -> out.add(r.getLocalDate(0)));
        return out;
    }
}
