package com.rides.pipeline;

import com.rides.spark.JobNames;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.LogicalRDD;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's sets (the rides and ratings read, stored lists, the lists a night changes),
 * computed once and cut from their lineage. Every later query then
 * plans against a leaf: Spark analyses a plan whole each time a Dataset is derived,
 * and the merges derive many Datasets from the same sets, so with cached (persisted)
 * sets the driver re-analysed their whole lineage over and over (profiled: analysis,
 * mostly DeduplicateRelations, was a third of the driver's time on a small night).
 * Closing releases every set's blocks; a local checkpoint is otherwise only freed when
 * the driver collects its RDD's garbage.
 */
final class Materialized implements AutoCloseable {

    private final List<RDD<?>> blocks = new ArrayList<>();

    /** {@code rows}, computed now by a Spark job named {@code job}. */
    Dataset<Row> of(String job, Dataset<Row> rows) {
        Dataset<Row> done = JobNames.named(rows.sparkSession().sparkContext(), job, () -> rows.localCheckpoint(true));
        LogicalPlan plan = done.queryExecution().logical();
        if (plan instanceof LogicalRDD leaf) {
            synchronized (blocks) {
                blocks.add(leaf.rdd());
            }
        }
        // A new relation over the checkpointed rows: a checkpoint keeps its columns'
        // attribute ids, so two sets derived from the same rides would share ids, which
        // the analyser cannot tell apart in a join ("Failure when resolving conflicting
        // references"). A relation of its own gets fresh ids, and one used twice in a
        // plan is renamed by the analyser like any self-join.
        return done.sparkSession().createDataFrame(done.javaRDD(), done.schema());
    }

    @Override
    public void close() {
        synchronized (blocks) {
            blocks.forEach(rdd -> rdd.unpersist(false));
            blocks.clear();
        }
    }
}
