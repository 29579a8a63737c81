package com.rides.pipeline;

import com.rides.merge.Materialized;
import com.rides.merge.NightSize;
import com.rides.merge.RunScope;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import com.rides.results.ResultWriter;
import com.rides.runs.Timeline;
import com.rides.spark.JobNames;
import com.rides.spark.SparkSessions;
import com.rides.tables.DimensionEdits;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import static com.rides.raw.CassandraTables.byKeys;

/**
 * Processes a set of days into every result table, reading only those days' raw
 * partitions and, of the jobs' own state, only the partitions of the riders and
 * classes the days touched.
 *
 * <p>How it stays exact in any order and on reruns: every all-time figure is the merge of
 * per-day contributions, and a run replaces the contributions of the days it processes
 * and merges them with the stored ones of every other day (com.rides.merge). Processing
 * a day twice therefore changes nothing, and a run killed half-way is repaired by the
 * next. Each table's definition is a class of com.rides.tables; this class reads the
 * days' rides and ratings, then lets them write.
 */
public final class NightlyPipeline {

    private static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

    private final CassandraTables t;
    private final ResultWriter writer;

    public NightlyPipeline(CassandraTables tables) {
        this(tables, table -> { });
    }

    /** @param afterEachTable told the name of each table once it is written (see {@link ResultWriter}) */
    public NightlyPipeline(CassandraTables tables, Consumer<String> afterEachTable) {
        this.t = tables;
        this.writer = new ResultWriter(tables, afterEachTable);
    }

    public RunCounts run(TreeSet<LocalDate> days, UUID runId) {
        RunCounts counts = new RunCounts();
        // The run's own session: what it sets (its partitions) is seen by nothing else.
        SparkSession spark = SparkSessions.fork(t.spark(), Map.of());
        CassandraTables tables = new CassandraTables(spark, t.config());
        Dataset<Row> dayParts = DayPartitions.of(spark, days, t.config().buckets());
        LongAccumulator sampleRows = spark.sparkContext().longAccumulator("sample rows read");
        try (Materialized sets = new Materialized()) {
            Steps reads = new Steps();
            // The rides and the ratings read their riders and classes by key, so they run
            // only once the snapshot of the riders and classes is taken: an edit made while
            // the run runs is then either in the rides and in what is recorded, or found
            // again by the next run (DimensionEdits.current). Their planning (analysing and
            // planning the joins and the sample pass: seconds in a fresh process) needs no
            // row, and overlaps the snapshot on threads and sessions of their own.
            CompletableFuture<Void> snapshotTaken = new CompletableFuture<>();
            Future<Materialized.Leaf> ratingsRead = reads.start(() -> {
                CassandraTables own = ownSession(tables);
                return afterPlanning(snapshotTaken, sets, "read ratings",
                        RideInputs.ratings(own, byKeys(dayParts, own.raw("ratings"), "day", "bucket")));
            });
            // Materialized once, with their lineage cut: every later step plans against a
            // leaf instead of re-analysing the joins and the sample pass (measured: the
            // analyser's walks over that lineage were most of a small day's driver time).
            Future<Materialized.Leaf> ridesRead = reads.start(() -> {
                Materialized.Leaf read = afterPlanning(snapshotTaken, sets, "read rides and samples",
                        RideInputs.rides(tables, byKeys(dayParts, tables.raw("workouts"), "day", "bucket"), sampleRows));
                Timeline.mark("rides and samples read");
                return read;
            });
            DimensionEdits.Current current = reads.whileRunning(() -> {
                try {
                    DimensionEdits.Current taken = DimensionEdits.current(tables, sets);
                    snapshotTaken.complete(null);
                    return taken;
                } catch (RuntimeException | Error e) {
                    snapshotTaken.completeExceptionally(e);
                    throw e;
                }
            });
            Timeline.mark("riders and classes read");
            // While the rides and their samples are read (the long job of a night): what
            // changed in riders and classes, which needs only the snapshot.
            Future<DimensionEdits> found = reads.start(() -> current.edits(ownSession(tables), sets));
            reads.await();
            Materialized.Leaf rides = Steps.valueOf(ridesRead);
            Materialized.Leaf ratings = Steps.valueOf(ratingsRead);
            DimensionEdits edits = Steps.valueOf(found);
            Timeline.mark("ratings read, edits found");
            JobNames.named(spark.sparkContext(), "count rows read", () -> {
                counts.tally(rides.in(spark), ratings.in(spark), sampleRows);
                return null;
            });
            // From here on only per-ride rows move: as few tasks as the night's size needs.
            int partitions = NightSize.partitions(counts.get("workouts_read"),
                    Integer.parseInt(spark.conf().get(SHUFFLE_PARTITIONS)));
            spark.conf().set(SHUFFLE_PARTITIONS, partitions);
            RunScope run = new RunScope(tables, false, days, runId, rides, ratings, partitions, sets);
            Timeline.mark("rows counted");
            // Edits of riders and classes first: every step then merges with rows that
            // carry the current names, titles and FTP figures.
            if (edits.any()) {
                writer.write(edits.patches(run), false).forEach(counts::written);
            }
            TableSteps.writeAll(run, writer, counts);
            // After every table: a run that dies before this finds the same edits again.
            writer.write(edits.seen(run), false);
            // Last, and only when every table was written: the days count as processed.
            writer.markProcessed(days, runId, false);
            Timeline.mark("days marked processed");
        }
        return counts;
    }

    /**
     * {@code rows} computed once (a Spark job named {@code job}) after {@code gate}; planned
     * before it, since planning reads no row.
     */
    private static Materialized.Leaf afterPlanning(CompletableFuture<Void> gate, Materialized sets, String job,
                                                   Dataset<Row> rows) {
        rows.queryExecution().executedPlan();
        gate.join();
        return sets.of(job, rows);
    }

    /** The same tables in a session of its own, for work on another thread. */
    private static CassandraTables ownSession(CassandraTables tables) {
        return new CassandraTables(SparkSessions.fork(tables.spark(), Map.of()), tables.config());
    }
}
