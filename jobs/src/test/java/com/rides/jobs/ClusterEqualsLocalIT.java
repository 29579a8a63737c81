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
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jobs where they are meant to run: nightly submitted with scripts/spark-submit to
 * a Spark standalone cluster (two Workers, executors in JVMs of their own), against a
 * Cassandra of two data centres (NetworkTopologyStrategy, RF 3 in the app DC and 1 in
 * the analytics DC), pointed at the analytics DC as production would be.
 *
 * <ul>
 *   <li>Cluster equals local: a generated week in two nightlies out of order, whose
 *       lookbacks (3) cover every day and process one day a second time after a later
 *       day's run, leaves every result table row for row equal to a local-mode rebuild.</li>
 *   <li>The analytics DC: the nodes of the app DC served not one read of the jobs'
 *       keyspaces during those runs (each node's own read counts, over JMX), the analytics
 *       node all of them (but the run lease's Paxos rounds, which are SERIAL on purpose), and the app DC has the results by replication.</li>
 *   <li>Quiet: a run on the cluster prints its progress and its summary, nothing else.</li>
 * </ul>
 */
@ExtendWith(LocalClusters.Extension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterEqualsLocalIT {

    static final LocalDate LAST = LocalDate.parse("2026-11-20");
    /**
     * With lookback 3 these cover the week's seven days: the last four, then the first
     * four, of which day 4 a second time, after the later days. Two runs, not one a day: a
     * cluster nightly costs most of a minute of this machine, and the order and the repeat
     * are what the test is about.
     */
    static final int LOOKBACK = 3;
    static final List<LocalDate> ORDER = List.of(LAST, LAST.minusDays(LOOKBACK));
    static final Pattern PROGRESS = Pattern.compile("^ *\\d+\\.\\d s  wrote [a-z_]+$");
    static final Pattern SUMMARY = Pattern.compile("^nightly \\d{4}-\\d\\d-\\d\\d \\(lookback " + LOOKBACK + "\\): workouts .*");
    /** The line a run starts with, before its first table is written (issue 14's progress). */
    static final Pattern START = Pattern.compile("^nightly \\d{4}-\\d\\d-\\d\\d \\(lookback " + LOOKBACK + "\\): processing .*");

    final LocalClusters clusters;
    final RidesConfig onCluster;
    final RidesConfig reference;

    ClusterEqualsLocalIT(LocalClusters clusters) {
        this.clusters = clusters;
        RidesConfig.Builder analytics = clusters.config(LocalClusters.ANALYTICS).rawKeyspace("t_cluster_raw");
        this.onCluster = analytics.statsKeyspace("t_cluster_stats").build();
        this.reference = analytics.statsKeyspace("t_cluster_ref").build();
    }

    @BeforeAll
    void aGeneratedWeekInTwoDataCentres() {
        try (CqlSession session = CassandraSessions.open(onCluster)) {
            for (String ks : List.of("t_cluster_raw", "t_cluster_stats", "t_cluster_ref")) {
                session.execute("DROP KEYSPACE IF EXISTS " + ks);
            }
        }
        Cli.ok(onCluster, "schema", "--dc-replication", LocalClusters.REPLICATION);
        Cli.ok(reference, "schema", "--dc-replication", LocalClusters.REPLICATION);
        Cli.ok(onCluster, "generate", "--users", "30", "--classes", "6", "--days", "7", "--end-date", LAST.toString(),
                "--seed", "11");
    }

    @Test
    void nightlyOnTheClusterEqualsLocalRebuildAndOnlyTheAnalyticsDcServesItsReads() {
        String[] keyspaces = {onCluster.rawKeyspace(), onCluster.statsKeyspace()};
        Map<Integer, Long> before = NodeReads.snapshot(clusters, keyspaces);
        for (LocalDate day : ORDER) {
            List<String> args = new ArrayList<>(List.of("nightly", "--date", day.toString(), "--lookback",
                    String.valueOf(LOOKBACK)));
            args.addAll(LocalClusters.target(onCluster));
            RunningProcess.Result run = RunningProcess.ok(clusters.sparkSubmit(args.toArray(new String[0])));
            System.out.printf("nightly %s on the cluster: %.1f s%n", day, run.seconds());
            assertTrue(run.output().contains("nightly " + day + " (lookback " + LOOKBACK + "): workouts"), run.output());
            for (String line : run.output().lines().toList()) {
                assertTrue(START.matcher(line).matches() || PROGRESS.matcher(line).matches()
                                || SUMMARY.matcher(line).matches(),
                        () -> "a run on the cluster printed more than its progress: " + line
                                + "\n(its whole output:)\n" + run.output());
            }
        }
        Map<Integer, Long> served = NodeReads.since(before, NodeReads.snapshot(clusters, keyspaces));
        System.out.println("reads served per node during the cluster runs: " + served);
        for (int node : LocalClusters.APP_NODES) {
            assertEquals(0L, served.get(node), "node " + node + " of the app DC served reads of the jobs: " + served);
        }
        assertTrue(served.get(LocalClusters.ANALYTICS_NODE) > 500,
                "the analytics node should have served every read of two nightlies: " + served);

        Cli.ok(reference, "rebuild", "--through", LAST.toString());
        Map<String, List<String>> expected;
        try (CqlSession analytics = CassandraSessions.open(reference)) {
            expected = Snapshot.results(analytics, reference.statsKeyspace());
            assertTrue(expected.get("workout_summary").size() > 50, "a week of rides");
            IncrementalEqualsFullTest.assertTablesEqual(expected, Snapshot.results(analytics, onCluster.statsKeyspace()));
        }
        // The app reads its own DC: the results reached it by replication.
        RidesConfig app = clusters.config(LocalClusters.APP).rawKeyspace(onCluster.rawKeyspace())
                .statsKeyspace(onCluster.statsKeyspace()).build();
        try (CqlSession appSession = CassandraSessions.open(app)) {
            IncrementalEqualsFullTest.assertTablesEqual(expected, Snapshot.results(appSession, app.statsKeyspace()));
        }
    }
}
