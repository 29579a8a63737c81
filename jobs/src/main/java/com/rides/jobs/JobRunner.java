package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.RidesException;
import com.rides.cassandra.CassandraSessions;
import com.rides.cassandra.ClusterWatchdog;
import com.rides.config.RidesConfig;
import com.rides.pipeline.RunCounts;
import com.rides.raw.CassandraTables;
import com.rides.results.JobRunLog;
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
 * mark runs of the same job that died silently as abandoned, record this run in
 * job_runs as running (with a heartbeat), do the work while a watchdog checks that the
 * cluster still answers, record how it ended.
 */
final class JobRunner {

    private JobRunner() {
    }

    /** A Spark job: nightly, rebuild. */
    static RunCounts run(RidesConfig config, String job, LocalDate day,
                         BiFunction<CassandraTables, UUID, RunCounts> work) {
        return recorded(config, job, day,
                (session, runId) -> work.apply(new CassandraTables(SparkSessions.create(config, "rides " + job), config), runId),
                RunCounts::asMap);
    }

    /** Any job whose outcome has counts worth keeping (generate's rows per table, too). */
    static <T> T recorded(RidesConfig config, String job, LocalDate day, BiFunction<CqlSession, UUID, T> work,
                          Function<T, Map<String, Long>> countsOf) {
        try (CqlSession session = CassandraSessions.open(config)) {
            SchemaCheck.requireAll(session, config);
            try (JobRunLog log = new JobRunLog(session, config, job, day, Version.current())) {
                log.markAbandonedRuns();
                log.running();
                try {
                    T outcome = watched(config, session, () -> work.apply(session, log.runId()));
                    log.succeeded(countsOf.apply(outcome), String.valueOf(outcome));
                    return outcome;
                } catch (RuntimeException | Error e) {
                    String why = Rides.describe(e);
                    if (!log.failed(Map.of(), why)) {
                        throw new RidesException(why + " (could not record the failure in job_runs;"
                                + " the next " + job + " run marks run " + log.runId() + " abandoned)", e);
                    }
                    throw e;
                }
            }
        }
    }

    /**
     * Runs the work on a thread of its own while a {@link ClusterWatchdog} probes the
     * cluster; if the cluster stops answering, the run's Spark jobs are cancelled and
     * the run fails here, even when a thread of the work is stuck in the driver. The
     * stuck thread is a daemon: the launcher's process ends with the run.
     */
    private static <T> T watched(RidesConfig config, CqlSession session, Supplier<T> work) {
        CompletableFuture<T> outcome = new CompletableFuture<>();
        try (ClusterWatchdog dog = ClusterWatchdog.start(session, config, why -> {
            if (outcome.completeExceptionally(new RidesException(why)) && SparkSession.getDefaultSession().isDefined()) {
                SparkSession.getDefaultSession().get().sparkContext().cancelAllJobs();
            }
        })) {
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
