package com.rides.jobs;

import com.rides.checks.CheckReport;
import com.rides.checks.NightChecks;
import com.rides.checks.Verdict;
import com.rides.config.RidesConfig;
import com.rides.pipeline.NightlyPipeline;
import com.rides.pipeline.RunCounts;
import com.rides.raw.CassandraTables;
import com.rides.runs.RunLease;
import com.rides.runs.Timeline;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One nightly run over a set of days: the pipeline into every result table, then the
 * data checks on those days, both recorded in the run's job_runs row.
 */
final class NightRun {

    private NightRun() {
    }

    /** What a night did and what its checks said. */
    record Result(RunCounts counts, CheckReport checks) {

        /** job_runs.counts: the pipeline's counts and the checks' verdict counts. */
        Map<String, Long> asMap() {
            Map<String, Long> all = new LinkedHashMap<>(counts.asMap());
            all.putAll(checks.counts());
            return all;
        }

        /** The row's message and the console's summary. */
        @Override
        public String toString() {
            return counts + "; " + checks.summary();
        }

        Result plus(Result other) {
            RunCounts merged = new RunCounts();
            merged.merge(counts);
            merged.merge(other.counts);
            return new Result(merged, checks.plus(other.checks));
        }
    }

    static final Result NOTHING = new Result(new RunCounts(), CheckReport.NONE);

    /** A nightly run of its own: it takes the run lease. */
    static Result alone(RidesConfig config, LocalDate day, TreeSet<LocalDate> days, Consumer<String> afterEachWrite) {
        return JobRunner.sparkLeased(config, "nightly", day, (tables, run) -> work(tables, run, days, afterEachWrite),
                Result::asMap);
    }

    /** A chunk of a backfill or a catch-up, under its lease. */
    static Result chunk(RunLease lease, RidesConfig config, TreeSet<LocalDate> days, Consumer<String> afterEachWrite) {
        return JobRunner.sparkUnder(lease, config, "nightly", days.last(),
                (tables, run) -> work(tables, run, days, afterEachWrite), Result::asMap);
    }

    private static Result work(CassandraTables tables, JobRunner.Run run, TreeSet<LocalDate> days,
                               Consumer<String> afterEachWrite) {
        RunCounts counts = new NightlyPipeline(tables, afterEachWrite).run(days, run.runId());
        CheckReport checks = NightChecks.run(run.session(), tables.config(), days, counts::ofDay, run.runId());
        Timeline.mark("data checks run");
        return new Result(counts, checks);
    }

    /** Says which checks failed and why, one line each (nothing when none did). */
    static void printFailedChecks(CheckReport checks, PrintWriter out) {
        for (Verdict v : checks.failed()) {
            out.println("  check failed: " + v.describe());
        }
    }

    /** The exit code of a run whose work succeeded: 3 when an error-level check failed (after writing). */
    static int exitCode(CheckReport checks) {
        return checks.errorFailed() ? Rides.EXIT_CHECKS_FAILED : 0;
    }
}
