package com.rides.pipeline;

import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionEnd;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the executed plan of every query that any session of the context runs while
 * open (each run has a session of its own, so a session's own query listeners would see
 * none of a run's queries), and tells which Cassandra tables those plans read by key
 * (the connector's direct join) and which they scanned.
 */
public final class PlanRecorder implements AutoCloseable {

    private final SparkSession spark;
    private final List<SparkPlan> plans = new CopyOnWriteArrayList<>();
    private final SparkListener listener = new SparkListener() {
        @Override
        public void onOtherEvent(SparkListenerEvent event) {
            // The end of every SQL execution carries its query execution (as the
            // sessions' own query listeners get it); failed ones are left out, as there.
            if (event instanceof SparkListenerSQLExecutionEnd end && end.qe() != null
                    && end.executionFailure().isEmpty()) {
                plans.add(end.qe().executedPlan());
            }
        }
    };

    public PlanRecorder(SparkSession spark) {
        this.spark = spark;
        spark.sparkContext().addSparkListener(listener);
    }

    /** Tables read through CassandraDirectJoinExec, by table name. */
    public TreeSet<String> readByKey() {
        drain();
        TreeSet<String> joined = new TreeSet<>();
        plans.forEach(plan -> joined.addAll(NightlyReadsByKeyTest.keyJoined(plan)));
        return joined;
    }

    /** Tables read by a Cassandra BatchScan, by table name. */
    public TreeSet<String> scanned() {
        drain();
        TreeSet<String> scanned = new TreeSet<>();
        for (SparkPlan plan : plans) {
            NightlyReadsByKeyTest.cassandraScans(plan).forEach(scan ->
                    scanned.add(scan.replaceAll("(?s).*Cassandra Scan: \\S+\\.(\\w+).*", "$1")));
        }
        return scanned;
    }

    private void drain() {
        try {
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Spark's listener bus did not drain", e);
        }
    }

    @Override
    public void close() {
        drain();
        spark.sparkContext().removeSparkListener(listener);
    }
}
