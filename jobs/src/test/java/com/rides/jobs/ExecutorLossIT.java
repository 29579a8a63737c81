package com.rides.jobs;

import com.rides.testing.RunningProcess;
import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An executor lost in the middle of a nightly on the Spark cluster (its JVM SIGKILLed,
 * as when its machine goes): Spark retries its tasks on the other executor and the
 * Master starts a replacement; the run's intermediate sets (local checkpoints, kept on
 * two executors on a cluster) survive in the other copy. The run either succeeds or
 * fails in one line; either way a rerun leaves a clean run's tables.
 */
@ExtendWith(LocalClusters.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExecutorLossIT {

    static final LocalDate LAST = LocalDate.parse("2026-11-20");

    final LocalClusters clusters;
    final RidesConfig.Builder analytics;
    final RidesConfig clean;
    Map<String, List<String>> expected;

    ExecutorLossIT(LocalClusters clusters) {
        this.clusters = clusters;
        this.analytics = clusters.config(LocalClusters.ANALYTICS).rawKeyspace("t_exec_raw");
        this.clean = analytics.statsKeyspace("t_exec_clean").build();
    }

    @BeforeAll
    void threeDaysAndACleanRun() {
        try (CqlSession session = CassandraSessions.open(clean)) {
            for (String ks : List.of("t_exec_raw", "t_exec_clean", "t_exec_run")) {
                session.execute("DROP KEYSPACE IF EXISTS " + ks);
            }
        }
        for (String stats : List.of("t_exec_clean", "t_exec_run")) {
            Cli.ok(analytics.statsKeyspace(stats).build(), "schema", "--dc-replication", LocalClusters.REPLICATION);
        }
        Cli.ok(clean, "generate", "--users", "20", "--classes", "5", "--days", "3", "--end-date", LAST.toString(),
                "--seed", "7");
        Cli.ok(clean, "nightly", "--date", LAST.toString());
        try (CqlSession session = CassandraSessions.open(clean)) {
            expected = Snapshot.results(session, clean.statsKeyspace());
        }
    }

    @Test
    void anExecutorKilledMidRunThenARerunEqualsACleanRun() {
        RidesConfig run = analytics.statsKeyspace("t_exec_run").build();
        AtomicInteger writes = new AtomicInteger();
        AtomicLong killed = new AtomicLong(-1);
        RunningProcess.Result first = RunningProcess.run(nightly(run), line -> {
            if (line.contains(" wrote ") && writes.incrementAndGet() == 2) {
                // One executor per Worker runs the application; the first found goes.
                clusters.executorPids().stream().findFirst().ifPresent(pid -> {
                    killed.set(pid);
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                });
            }
        }, 10);
        assertTrue(killed.get() > 0, "an executor was killed mid-run:\n" + first.output());
        if (first.code() == 0) {
            System.out.println("the run survived the loss of executor " + killed.get());
        } else {
            assertEquals(Rides.EXIT_FAILED, first.code(), first.output());
            assertEquals(1, first.failureLines().size(), first.output());
            System.out.println("the run failed after the loss of executor " + killed.get() + ": "
                    + first.failureLines().get(0));
        }
        RunningProcess.Result rerun = RunningProcess.run(nightly(run));
        assertEquals(0, rerun.code(), rerun.output());
        try (CqlSession session = CassandraSessions.open(run)) {
            IncrementalEqualsFullTest.assertTablesEqual(expected, Snapshot.results(session, run.statsKeyspace()));
        }
    }

    private List<String> nightly(RidesConfig config) {
        List<String> args = new ArrayList<>(List.of("nightly", "--date", LAST.toString(), "--heartbeat", "1"));
        args.addAll(LocalClusters.target(config));
        return clusters.sparkSubmit(args.toArray(new String[0]));
    }
}
