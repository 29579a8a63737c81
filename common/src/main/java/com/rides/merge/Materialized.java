package com.rides.merge;

import com.rides.spark.JobNames;
import com.rides.spark.SqlActions;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.SortOrder;
import org.apache.spark.sql.catalyst.plans.physical.SinglePartition$;
import org.apache.spark.sql.catalyst.types.DataTypeUtils;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import scala.Option;
import scala.collection.Seq;
import scala.collection.Seq$;

import java.util.ArrayList;
import java.util.List;

/**
 * A run's sets that many steps read (the rides and ratings read, a list table's stored
 * lists), computed once and cut from their lineage. Every later query then plans against
 * a leaf: Spark analyses a plan whole each time a Dataset is derived, and with cached
 * (persisted) sets the driver re-analysed their whole lineage over and over (profiled:
 * analysis, mostly DeduplicateRelations, was a third of the driver's time on a small
 * night). A leaf is an RDD, so each step wraps it in its own session ({@link Leaf#in}).
 * Closing releases every set's blocks; a local checkpoint is otherwise only freed when
 * the driver collects its RDD's garbage.
 */
public final class Materialized implements AutoCloseable {

    /** Rows computed once; {@link #in} gives them to any session of the run. */
    public static final class Leaf {
        private final RDD<InternalRow> rows;
        private final StructType schema;
        private final long count;

        private Leaf(RDD<InternalRow> rows, StructType schema, long count) {
            this.rows = rows;
            this.schema = schema;
            this.count = count;
        }

        /** Whether there are no rows, as counted when they were computed: asking costs no Spark job. */
        public boolean isEmpty() {
            return count == 0;
        }

        /**
         * The rows as a relation of {@code session}, with attribute ids of its own: two sets
         * derived from the same rides would otherwise share ids, which the analyser cannot
         * tell apart in a join ("Failure when resolving conflicting references"). A relation
         * used twice in a plan is renamed by the analyser like any self-join.
         */
        public Dataset<Row> in(SparkSession session) {
            if (rows.getNumPartitions() != 1) {
                return session.internalCreateDataFrame(rows, schema, false);
            }
            // One partition, and said so: the planner then adds no exchange to group or
            // join its rows by key (all of them are in that partition already), where an
            // unknown partitioning of one made it shuffle them into one partition again.
            @SuppressWarnings("unchecked")
            Seq<Attribute> output = (Seq<Attribute>) (Seq<?>) DataTypeUtils.toAttributes(schema);
            LogicalRDD one = new LogicalRDD(output, rows,
                    SinglePartition$.MODULE$, Seq$.MODULE$.<SortOrder>empty().toSeq(), false, session,
                    Option.empty(), Option.empty());
            return Dataset.ofRows(session, one);
        }
    }

    private final List<RDD<?>> blocks = new ArrayList<>();

    /** {@code rows}, computed now by a Spark job named {@code job}. */
    public Leaf of(String job, Dataset<Row> rows) {
        // Cut from the lineage by a local checkpoint: its blocks live in the executors and
        // cannot be recomputed. On a cluster they are kept on two executors, so a run
        // survives the loss of one (its tasks are retried elsewhere and read the other
        // copy); in local mode there is one executor and nobody to copy to.
        // Spark's own rows (copied: the plan reuses one mutable row per partition), not
        // Rows: no conversion each way, and the count runs as a SQL execution whose plan
        // the UI and query listeners see like any other action's.
        QueryExecution qe = rows.queryExecution();
        StorageLevel level = rows.sparkSession().sparkContext().isLocal() ? StorageLevel.MEMORY_AND_DISK()
                : StorageLevel.MEMORY_AND_DISK_2();
        long[] count = new long[1];
        RDD<InternalRow> leaf = JobNames.named(rows.sparkSession().sparkContext(), job,
                () -> SqlActions.execution(qe, job, () -> {
                    JavaRDD<InternalRow> copied = qe.toRdd().toJavaRDD().map(InternalRow::copy);
                    copied.persist(level);
                    copied.rdd().localCheckpoint();
                    count[0] = copied.count();
                    return copied.rdd();
                }));
        synchronized (blocks) {
            blocks.add(leaf);
        }
        // Read back in as few partitions as its rows need (NightSize): a leaf keeps the
        // partitions of the plan that made it (a riders scan's token ranges, a join's
        // shuffle), and every later stage reading it ran a task per partition, most of
        // them a few rows (profiled: a one-day night ran some 300 tasks).
        // (An empty set may have no partitions at all: it is read as it is.)
        int partitions = leaf.getNumPartitions();
        int needed = partitions > 1 ? NightSize.partitions(count[0], partitions) : partitions;
        RDD<InternalRow> read = needed < partitions ? leaf.toJavaRDD().coalesce(needed).rdd() : leaf;
        return new Leaf(read, rows.schema(), count[0]);
    }

    @Override
    public void close() {
        synchronized (blocks) {
            blocks.forEach(rdd -> rdd.unpersist(false));
            blocks.clear();
        }
    }
}
