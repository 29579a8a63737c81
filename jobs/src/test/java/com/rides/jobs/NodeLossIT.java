package com.rides.jobs;

import com.rides.testing.RunningProcess;
import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.cassandra.CassandraSessions;
import com.rides.config.RidesConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nodes of the app DC (three nodes, RF 3) lost while a nightly submitted to the Spark
 * cluster reads and writes there at LOCAL_QUORUM: one node SIGKILLed, as a machine that
 * loses power, and the run goes on and leaves a clean run's tables; two of the three
 * (the company's old incident), and the run stops in one line within
 * --unreachable-timeout instead of pressing on the survivor, and once the nodes are back
 * a rerun leaves a clean run's tables.
 */
@ExtendWith(LocalClusters.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NodeLossIT {

    static final LocalDate LAST = LocalDate.parse("2026-11-20");
    static final int TIMEOUT_S = 20;
    /** A nightly here takes one to two minutes; one that hangs fails the test with its thread dumps. */
    static final int RUN_MINUTES = 6;

    final LocalClusters clusters;
    final RidesConfig.Builder app;
    final RidesConfig clean;
    Map<String, List<String>> expected;

    NodeLossIT(LocalClusters clusters) {
        this.clusters = clusters;
        this.app = clusters.config(LocalClusters.APP).rawKeyspace("t_loss_raw").readConsistency("LOCAL_QUORUM");
        this.clean = app.statsKeyspace("t_loss_clean").build();
    }

    @BeforeAll
    void threeDaysAndACleanRun() {
        try (CqlSession session = CassandraSessions.open(clean)) {
            for (String ks : List.of("t_loss_raw", "t_loss_clean", "t_loss_one", "t_loss_two")) {
                session.execute("DROP KEYSPACE IF EXISTS " + ks);
            }
        }
        for (String stats : List.of("t_loss_clean", "t_loss_one", "t_loss_two")) {
            Cli.ok(app.statsKeyspace(stats).build(), "schema", "--dc-replication", LocalClusters.REPLICATION);
        }
        Cli.ok(clean, "generate", "--users", "30", "--classes", "5", "--days", "3", "--end-date", LAST.toString(),
                "--seed", "5");
        Cli.ok(clean, "nightly", "--date", LAST.toString(), "--read-consistency", "LOCAL_QUORUM");
        try (CqlSession session = CassandraSessions.open(clean)) {
            expected = Snapshot.results(session, clean.statsKeyspace());
        }
        assertTrue(expected.get("workout_summary").size() > 10, "three days of rides: " + expected.get("workout_summary").size());
    }

    @Test
    @Order(1)
    void oneNodeKilledMidRunTheRunSucceedsWithACleanRunsTables() {
        RidesConfig one = app.statsKeyspace("t_loss_one").build();
        AtomicInteger writes = new AtomicInteger();
        try {
            // --verbose: should the run fail after all, its report holds the stack trace.
            RunningProcess.Result run = RunningProcess.run(nightly(one, "--verbose"), line -> {
                if (line.contains(" wrote ") && writes.incrementAndGet() == 3) {
                    clusters.kill(1); // the first contact point, and likely the driver's control connection
                }
            }, RUN_MINUTES);
            assertEquals(0, run.code(), run.output());
            assertTrue(writes.get() > 3, "the node was killed after the third table, before the run ended:\n" + run.output());
            try (CqlSession session = CassandraSessions.open(one)) {
                IncrementalEqualsFullTest.assertTablesEqual(expected, Snapshot.results(session, one.statsKeyspace()));
            }
        } finally {
            clusters.startNode(1);
        }
    }

    @Test
    @Order(2)
    void twoOfThreeLostTheRunStopsInOneLineAndARerunOnceTheyAreBackEqualsACleanRun() {
        RidesConfig two = app.statsKeyspace("t_loss_two").build();
        AtomicInteger writes = new AtomicInteger();
        RunningProcess.Result failed;
        try {
            failed = RunningProcess.run(nightly(two, "--unreachable-timeout", String.valueOf(TIMEOUT_S), "--heartbeat", "1"),
                    line -> {
                        if (line.contains(" wrote ") && writes.incrementAndGet() == 3) {
                            clusters.kill(2);
                            clusters.kill(3);
                        }
                    }, RUN_MINUTES);
        } finally {
            clusters.startStopped(); // nodes 2 and 3 (no seeds), side by side
        }
        assertEquals(Rides.EXIT_FAILED, failed.code(), failed.output());
        List<String> reasons = failed.failureLines();
        assertEquals(1, reasons.size(), failed.output());
        System.out.println("with two of three app nodes lost the run said: " + reasons.get(0));
        assertTrue(reasons.get(0).contains("not enough replicas for LOCAL_QUORUM in data centre 'app'"), reasons.get(0));
        assertTrue(reasons.get(0).contains("for " + TIMEOUT_S + " s") || reasons.get(0).contains("for " + (TIMEOUT_S + 1) + " s")
                || reasons.get(0).contains("for " + (TIMEOUT_S + 2) + " s"), reasons.get(0));

        RunningProcess.Result rerun = RunningProcess.run(nightly(two, "--heartbeat", "1"), line -> { }, RUN_MINUTES);
        assertEquals(0, rerun.code(), rerun.output());
        try (CqlSession session = CassandraSessions.open(two)) {
            IncrementalEqualsFullTest.assertTablesEqual(expected, Snapshot.results(session, two.statsKeyspace()));
        }
    }

    private List<String> nightly(RidesConfig config, String... extra) {
        List<String> args = new ArrayList<>(List.of("nightly", "--date", LAST.toString(), "--read-consistency",
                "LOCAL_QUORUM"));
        args.addAll(List.of(extra));
        args.addAll(LocalClusters.target(config));
        return clusters.sparkSubmit(args.toArray(new String[0]));
    }
}
