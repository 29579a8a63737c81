package com.rides.pipeline;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.util.QueryExecutionListener;

import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records the executed plan of every query a session runs while open, and tells which
 * Cassandra tables those plans read by key (the connector's direct join) and which
 * they scanned.
 */
public final class PlanRecorder implements AutoCloseable {

    private final SparkSession spark;
    private final List<SparkPlan> plans = new CopyOnWriteArrayList<>();
    private final QueryExecutionListener listener = new QueryExecutionListener() {
        @Override
        public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            plans.add(qe.executedPlan());
        }

        @Override
        public void onFailure(String funcName, QueryExecution qe, Exception exception) {
        }
    };

    public PlanRecorder(SparkSession spark) {
        this.spark = spark;
        spark.listenerManager().register(listener);
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
        spark.listenerManager().unregister(listener);
    }
}
