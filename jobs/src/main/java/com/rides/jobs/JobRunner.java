package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.RidesException;
import com.rides.cassandra.CassandraSessions;
import com.rides.cassandra.ClusterWatchdog;
import com.rides.config.RidesConfig;
import com.rides.raw.CassandraTables;
import com.rides.results.JobRunLog;
import com.rides.runs.LeaseHolder;
import com.rides.runs.RunLease;
import com.rides.runs.Timeline;
import com.rides.schema.SchemaCheck;
import com.rides.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The frame every job runs in: connect (failing fast, in one line), check the schema,
 * take the run lease if the job writes result tables, mark runs of the same job that
 * died silently as abandoned, record this run in job_runs as running (with a
 * heartbeat, which renews the lease), do the work while a watchdog checks that the
 * cluster still answers, record how it ended, give the lease back.
 */
final class JobRunner {

    private JobRunner() {
    }

    /** What a run's work is handed. */
    record Run(CqlSession session, UUID runId, RunLease lease) {
    }

    /** A Spark job that writes result tables on its own (rebuild): it takes the run lease. */
    static <T> T sparkLeased(RidesConfig config, String job, LocalDate day, BiFunction<CassandraTables, Run, T> work,
                             Function<T, Map<String, Long>> countsOf) {
        return leased(config, job, day,
                run -> work.apply(sparkTables(config, job), run), countsOf);
    }

    private static CassandraTables sparkTables(RidesConfig config, String job) {
        CassandraTables tables = new CassandraTables(SparkSessions.create(config, "rides " + job), config);
        Timeline.mark("Spark session started");
        return tables;
    }

    /**
     * A Spark job that writes only result rows no other run merges with (hourly): recorded
     * in job_runs like every run, without the lease, so it neither waits for nor holds up
     * the runs that take it.
     */
    static <T> T sparkRecorded(RidesConfig config, String job, LocalDate day, BiFunction<CassandraTables, Run, T> work,
                               Function<T, Map<String, Long>> countsOf) {
        return frame(config, job, day, Lease.NONE, null, run -> work.apply(sparkTables(config, job), run), countsOf);
    }

    /**
     * A Spark run inside a run that holds the lease (a chunk of backfill or catch-up):
     * the holder's heartbeat keeps the lease.
     */
    static <T> T sparkUnder(RunLease lease, RidesConfig config, String job, LocalDate day,
                            BiFunction<CassandraTables, Run, T> work, Function<T, Map<String, Long>> countsOf) {
        if (!lease.isHeld()) {
            throw new IllegalStateException("the run lease of " + lease.holder().describe() + " is not held");
        }
        return frame(config, job, day, Lease.INHERITED, lease,
                run -> work.apply(sparkTables(config, job), run), countsOf);
    }

    /** A run that writes result tables: it holds the run lease from before its job_runs row until its end. */
    static <T> T leased(RidesConfig config, String job, LocalDate day, Function<Run, T> work,
                        Function<T, Map<String, Long>> countsOf) {
        return frame(config, job, day, Lease.TAKE, null, work, countsOf);
    }

    /** Any job whose outcome has counts worth keeping and that writes no result table (generate). */
    static <T> T recorded(RidesConfig config, String job, LocalDate day, BiFunction<CqlSession, UUID, T> work,
                          Function<T, Map<String, Long>> countsOf) {
        return frame(config, job, day, Lease.NONE, null, run -> work.apply(run.session(), run.runId()), countsOf);
    }

    private enum Lease { TAKE, INHERITED, NONE }

    private static <T> T frame(RidesConfig config, String job, LocalDate day, Lease mode, RunLease inherited,
                               Function<Run, T> work, Function<T, Map<String, Long>> countsOf) {
        try (CqlSession session = CassandraSessions.open(config)) {
            Timeline.mark("connected to Cassandra");
            SchemaCheck.requireAll(session, config);
            Timeline.mark("schema checked");
            try (JobRunLog log = new JobRunLog(session, config, job, day, Version.current())) {
                // Taken before anything is written: a run that finds the lease held leaves no trace.
                RunLease taken = mode == Lease.TAKE ? RunLease.take(session, config,
                        LeaseHolder.thisProcess(log.runId(), job, log.startedAt(), RunLease.ttl(config))) : null;
                Timeline.mark(taken != null ? "run lease taken" : "run opened");
                try {
                    return inFrame(config, session, log, taken != null ? taken : inherited, taken, work, countsOf);
                } finally {
                    if (taken != null) {
                        taken.close();
                    }
                }
            }
        }
    }

    private static <T> T inFrame(RidesConfig config, CqlSession session, JobRunLog log, RunLease lease,
                                 RunLease renewHere, Function<Run, T> work, Function<T, Map<String, Long>> countsOf) {
        log.markAbandonedRuns();
        CompletableFuture<T> outcome = new CompletableFuture<>();
        log.running(renewHere == null ? () -> { } : () -> renew(renewHere, outcome));
        Timeline.mark("run recorded in job_runs");
        try {
            T result = watched(config, session, outcome, () -> work.apply(new Run(session, log.runId(), lease)));
            log.succeeded(countsOf.apply(result), String.valueOf(result));
            return result;
        } catch (RuntimeException | Error e) {
            String why = Rides.describe(e);
            if (!log.failed(Map.of(), why)) {
                throw new RidesException(why + " (could not record the failure in job_runs;"
                        + " the next " + log.job() + " run marks run " + log.runId() + " abandoned)", e);
            }
            throw e;
        }
    }

    /**
     * With each heartbeat. A lease that another run holds now (this one stalled past its
     * TTL) stops this run: two runs must never write at once.
     */
    private static void renew(RunLease lease, CompletableFuture<?> outcome) {
        try {
            if (!lease.renew()) {
                fail(outcome, "lost the run lease (this run stalled for longer than its "
                        + lease.holder().ttl().toSeconds() + " s TTL and another run took it): stopped so that two"
                        + " runs do not write at once; the other run or a rerun repairs what this one left");
            }
        } catch (RuntimeException e) {
            // A missed renewal is harmless; the watchdog deals with a cluster that is gone.
        }
    }

    private static void fail(CompletableFuture<?> outcome, String why) {
        if (outcome.completeExceptionally(new RidesException(why)) && SparkSession.getDefaultSession().isDefined()) {
            SparkSession.getDefaultSession().get().sparkContext().cancelAllJobs();
        }
    }

    /**
     * Runs the work on a thread of its own while a {@link ClusterWatchdog} probes the
     * cluster; if the cluster stops answering (or the lease is lost), the run's Spark
     * jobs are cancelled and the run fails here, even when a thread of the work is stuck
     * in the driver. The stuck thread is a daemon: the launcher's process ends with the run.
     */
    private static <T> T watched(RidesConfig config, CqlSession session, CompletableFuture<T> outcome, Supplier<T> work) {
        try (ClusterWatchdog dog = ClusterWatchdog.start(session, config, why -> fail(outcome, why))) {
            Thread worker = new Thread(() -> {
                try {
                    outcome.complete(work.get());
                } catch (Throwable t) {
                    outcome.completeExceptionally(t);
                }
            }, "rides-run");
            worker.setDaemon(true);
            worker.start();
            try {
                return outcome.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RidesException("interrupted while the run was in progress", e);
            } catch (ExecutionException e) {
                throw RidesException.rethrown(e.getCause());
            }
        }
    }
}
