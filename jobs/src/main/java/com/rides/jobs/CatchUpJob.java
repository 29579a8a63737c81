package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;
import com.rides.runs.CatchUpPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * `catch-up [--from D] [--through D]`: nightly for every day after the last processed
 * day up to --through (default yesterday, UTC), in chunks as backfill does, with the
 * lookback days processed again for late data. Nothing to do is success, so a cron
 * job or a systemd timer can call it every hour; a run already holding the lease
 * makes it exit 75 at once.
 */
@Command(name = "catch-up", mixinStandardHelpOptions = true,
        description = "Run nightly for every day after the last processed day up to --through (default yesterday, UTC).")
public class CatchUpJob extends CliCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Option(names = "--from", converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "the first day to process (required while nothing has been processed; otherwise the day"
                    + " after the last processed day, less the lookback)")
    LocalDate from;

    @Option(names = "--through", converter = Dates.class, paramLabel = "YYYY-MM-DD",
            description = "the last day to process (default yesterday, UTC)")
    LocalDate through;

    @Option(names = "--lookback", paramLabel = "L",
            description = "days before the first new day to process again for late data (default 2, as nightly)")
    int lookback = NightlyJob.DEFAULT_LOOKBACK;

    @Option(names = "--chunk-days", description = "days per Spark run (default 7)")
    int chunkDays = 7;

    @Override
    public Integer call() {
        RidesConfig config = cluster.toConfig(System.getenv());
        // Bad options fail before anything connects.
        NightlyJob.days(LocalDate.EPOCH, lookback); // the same bounds as nightly's
        ChunkedNights.requirePositive(chunkDays);
        LocalDate last = through == null ? yesterday() : through;
        if (from != null && from.isAfter(last)) {
            throw new com.rides.config.ConfigException("--from " + from + " is after --through " + last);
        }
        NightRun.Result result = run(config, from, last, lookback, chunkDays, out());
        return NightRun.exitCode(result.checks());
    }

    static LocalDate yesterday() {
        return LocalDate.now(ZoneOffset.UTC).minusDays(1);
    }

    /** @param progress where to report the plan, each chunk and the end; null for silence */
    static NightRun.Result run(RidesConfig config, LocalDate from, LocalDate through, int lookback, int chunkDays,
                               PrintWriter progress) {
        long start = System.nanoTime();
        // The plan is made under the lease: two catch-ups started together cannot both
        // plan the same days; the second exits 75 before it reads anything.
        return JobRunner.leased(config, "catch-up", through, run -> {
            CatchUpPlan plan = CatchUpPlan.of(lastProcessedDay(run.session(), config), from, through, lookback);
            String last = plan.lastProcessed().map(LocalDate::toString).orElse("none");
            if (plan.nothingToDo()) {
                if (progress != null) {
                    progress.printf("catch-up: nothing to do: the last processed day is %s, --through %s%n", last, through);
                }
                return NightRun.NOTHING;
            }
            if (progress != null) {
                progress.printf("catch-up: %d days to process, %s..%s (last processed day %s; %d new, %d again for"
                                + " late data), in chunks of %d%n", plan.days().size(), plan.days().get(0), through, last,
                        plan.newDays(), plan.days().size() - plan.newDays(), chunkDays);
                progress.flush();
            }
            NightRun.Result total = ChunkedNights.run(run.lease(), config, plan.days(), chunkDays, "catch-up", progress);
            if (progress != null) {
                progress.printf("catch-up %s..%s: %d days processed; %s; %.0f s%n", plan.days().get(0), through,
                        plan.days().size(), total, (System.nanoTime() - start) / 1e9);
            }
            return total;
        }, NightRun.Result::asMap);
    }

    /** The newest day nightly (or rebuild) has finished: processed_days is ordered by day. */
    static Optional<LocalDate> lastProcessedDay(CqlSession session, RidesConfig config) {
        Row r = session.execute("SELECT day FROM " + config.qualifiedStats("processed_days")
                + " WHERE job = 'nightly' ORDER BY day DESC LIMIT 1").one();
        return r == null ? Optional.empty() : Optional.of(r.getLocalDate(0));
    }
}
