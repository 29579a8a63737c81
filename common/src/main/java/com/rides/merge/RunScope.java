package com.rides.merge;

import com.rides.config.RidesConfig;
import com.rides.raw.CassandraTables;
import com.rides.raw.DayPartitions;
import com.rides.raw.Dimensions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import static com.rides.raw.CassandraTables.byKeys;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * What a run covers and what it merges with: its days, the per-ride and per-rating rows
 * read from them, and the state stored by earlier runs, read by key. A nightly run covers
 * the days it processes and reads the stored state of the keys they touch; a rebuild
 * covers every day up to its last and merges with <em>empty</em> stored state, so one
 * definition of a table serves both. Bound to one Spark session ({@link #in}): each step
 * of a run builds its queries in a session of its own.
 */
public final class RunScope {

    /**
     * Rows of every ranked list (top 10s, leaderboards, trending): the contract's 10, in
     * this one place; the SQL files read it as the parameter {@code :list_size}.
     */
    public static final int LIST_SIZE = 10;

    private final SparkSession spark;
    private final CassandraTables tables;
    private final boolean rebuild;
    private final TreeSet<LocalDate> days;
    private final UUID runId;
    private final Materialized.Leaf rides;
    private final Materialized.Leaf ratings;
    private final int partitions;
    private final Materialized sets;
    /** Sets several tables' definitions read (the night's class totals, the affected classes), by name. */
    private final ConcurrentMap<String, CompletableFuture<Materialized.Leaf>> shared;

    /**
     * @param rebuild    true for a rebuild: stored state is empty, every day up to the last is covered
     * @param days       the days the run covers
     * @param rides      per-ride rows (RideColumns) of those days, every workout once
     * @param ratings    validated ratings (RatingPass) of those days
     * @param partitions partitions of the per-ride rows (NightSize)
     * @param sets       where the run's shared sets are kept until it ends
     */
    public RunScope(CassandraTables tables, boolean rebuild, TreeSet<LocalDate> days, UUID runId,
                    Materialized.Leaf rides, Materialized.Leaf ratings, int partitions, Materialized sets) {
        this(tables, rebuild, days, runId, rides, ratings, partitions, sets, new ConcurrentHashMap<>());
    }

    private RunScope(CassandraTables tables, boolean rebuild, TreeSet<LocalDate> days, UUID runId,
                     Materialized.Leaf rides, Materialized.Leaf ratings, int partitions, Materialized sets,
                     ConcurrentMap<String, CompletableFuture<Materialized.Leaf>> shared) {
        this.shared = shared;
        this.spark = tables.spark();
        this.tables = tables;
        this.rebuild = rebuild;
        this.days = new TreeSet<>(days);
        this.runId = runId;
        this.rides = rides;
        this.ratings = ratings;
        this.partitions = partitions;
        this.sets = sets;
    }

    /** The same scope in another session of the run (a step's own). */
    public RunScope in(SparkSession session) {
        return new RunScope(new CassandraTables(session, tables.config()), rebuild, days, runId, rides, ratings,
                partitions, sets, shared);
    }

    public SparkSession spark() {
        return spark;
    }

    public RidesConfig config() {
        return tables.config();
    }

    public CassandraTables tables() {
        return tables;
    }

    public boolean rebuild() {
        return rebuild;
    }

    public TreeSet<LocalDate> days() {
        return new TreeSet<>(days);
    }

    public UUID runId() {
        return runId;
    }

    /** Every ride of the run's days, kept or quarantined (reason not null), as RideColumns. */
    public Dataset<Row> rides() {
        return rides.in(spark).coalesce(partitions);
    }

    public Dataset<Row> kept() {
        return rides().where(col("reason").isNull());
    }

    public Dataset<Row> quarantined() {
        return rides().where(col("reason").isNotNull());
    }

    /** Every rating of the run's days, valid or quarantined (reason not null), as RatingPass rows. */
    public Dataset<Row> ratings() {
        return ratings.in(spark).coalesce(partitions);
    }

    public Dataset<Row> validRatings() {
        return ratings().where(col("reason").isNull());
    }

    /** Whether {@code dayColumn} is one of the days the run covers. */
    public Column covers(String dayColumn) {
        return rebuild ? lit(true) : col(dayColumn).isin(days.stream().map(Date::valueOf).toArray());
    }

    /** One row per value, in one column. */
    public Dataset<Row> values(String column, String... values) {
        return spark.createDataset(List.of(values), org.apache.spark.sql.Encoders.STRING()).toDF(column);
    }

    /** The run's days as keys (column day). */
    public Dataset<Row> dayKeys() {
        return DayPartitions.daysOnly(spark, days);
    }

    /**
     * The rows stored in {@code table} under the given keys, read by key (the connector's
     * direct join, one query per key); none on a rebuild.
     */
    public Dataset<Row> stored(String table, Dataset<Row> keys, String... keyColumns) {
        return stored(tables.stats(table), keys, keyColumns);
    }

    /** As {@link #stored(String, Dataset, String...)}, of a table narrowed by a filter the key queries carry. */
    public Dataset<Row> stored(Dataset<Row> table, Dataset<Row> keys, String... keyColumns) {
        return rebuild ? none(table) : byKeys(keys, table, keyColumns);
    }

    /** Every row stored in {@code table}, scanned (for the few small tables a run ranks whole); none on a rebuild. */
    public Dataset<Row> storedWhole(String table) {
        Dataset<Row> all = tables.stats(table);
        return rebuild ? none(all) : all;
    }

    /** Rows computed once for the run (a Spark job named {@code job}), for a step that reads them several times. */
    public Dataset<Row> computedOnce(String job, Dataset<Row> rows) {
        return sets.of(job, rows).in(spark);
    }

    /**
     * A set that several tables' definitions read, computed once per run (a Spark job
     * named "prepare NAME") by whichever asks first, the others waiting for it.
     */
    public Dataset<Row> shared(String name, Supplier<Dataset<Row>> rows) {
        CompletableFuture<Materialized.Leaf> mine = new CompletableFuture<>();
        CompletableFuture<Materialized.Leaf> first = shared.putIfAbsent(name, mine);
        if (first == null) {
            try {
                mine.complete(sets.of("prepare " + name, rows.get()));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
                throw e;
            }
            first = mine;
        }
        return first.join().in(spark);
    }

    /**
     * Marks a side of a join as small on a nightly run: it holds at most the processed
     * days' rides, ratings or the lists and classes they touch, so it is broadcast rather
     * than shuffled together with the stored rows it meets (the stores' sizes are unknown
     * to the planner, which would otherwise sort-merge both sides). On a rebuild nothing
     * is small.
     */
    public Dataset<Row> small(Dataset<Row> rows) {
        return rebuild ? rows : org.apache.spark.sql.functions.broadcast(rows);
    }

    /** Runs a file of sql/results/ over these views, with the run's parameters (:list_size, :run_id). */
    public Dataset<Row> sql(String file, Map<String, Dataset<Row>> views) {
        return SqlFiles.run(spark, file, views, Map.of("list_size", LIST_SIZE, "run_id", runId.toString()));
    }

    /** class_id, class_title, instructor, class_known of the known classes among the ids (raw classes, by key). */
    public Dataset<Row> classesOf(Dataset<Row> classIds) {
        return Dimensions.classesOf(tables, classIds);
    }

    /** user_id, username, ftp_w of the known riders among the ids (raw riders, by key). */
    public Dataset<Row> ridersOf(Dataset<Row> userIds) {
        return Dimensions.ridersOf(tables, userIds);
    }

    private Dataset<Row> none(Dataset<Row> like) {
        return spark.createDataFrame(List.of(), like.schema());
    }
}
