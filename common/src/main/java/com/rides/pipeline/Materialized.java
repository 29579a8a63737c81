package com.rides.pipeline;

import com.rides.spark.JobNames;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SQLExecution;
import org.apache.spark.storage.StorageLevel;
import scala.Option;

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
        // Cut from the lineage by a local checkpoint: its blocks live in the executors and
        // cannot be recomputed. On a cluster they are kept on two executors, so a run
        // survives the loss of one (its tasks are retried elsewhere and read the other
        // copy); in local mode there is one executor and nobody to copy to.
        JavaRDD<Row> leaf = rows.javaRDD();
        leaf.persist(rows.sparkSession().sparkContext().isLocal() ? StorageLevel.MEMORY_AND_DISK()
                : StorageLevel.MEMORY_AND_DISK_2());
        leaf.rdd().localCheckpoint();
        // Run as a SQL execution of the set's own query, as Dataset actions are: the SQL tab
        // and query listeners (the plan checks of the tests) see what it read and how.
        JobNames.named(rows.sparkSession().sparkContext(), job,
                () -> SQLExecution.withNewExecutionId(rows.queryExecution(), Option.apply(job), leaf::count));
        synchronized (blocks) {
            blocks.add(leaf.rdd());
        }
        // A new relation over the checkpointed rows, with attribute ids of its own: two
        // sets derived from the same rides would otherwise share ids, which the analyser
        // cannot tell apart in a join ("Failure when resolving conflicting references").
        // A relation used twice in a plan is renamed by the analyser like any self-join.
        return rows.sparkSession().createDataFrame(leaf, rows.schema());
    }

    @Override
    public void close() {
        synchronized (blocks) {
            blocks.forEach(rdd -> rdd.unpersist(false));
            blocks.clear();
        }
    }
}
