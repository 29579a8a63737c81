package com.rides.tables;

import com.rides.merge.RankedList;
import com.rides.merge.RunScope;
import com.rides.merge.SqlFiles;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

/**
 * class_period_leaderboard: each class's top riders of every ISO week and month by their
 * best ride on it in the period ({@link Leaderboards}, the class's all-time rule within the
 * period), one list per (class, period, period start), merged as every {@link RankedList} with one entry per
 * rider; a board is recomputed from the period's class_period_rides when one of its
 * entries lost value.
 */
final class ClassPeriodLeaderboard extends RankedList {

    private static final String[] CANDIDATE = {"class_id", "period", "period_start", "user_id", "workout_id",
        "total_output_kj", "started_at"};

    ClassPeriodLeaderboard() {
        super("class_period_leaderboard", "total_output_kj", "user_id", "class_id", "period", "period_start");
    }

    @Override
    public Dataset<Row> lists(RunScope run) {
        // The period comes out of the SQL's stack, not a literal: a constant key column is
        // folded into a filter, and a join on part of the partition key is a scan.
        return candidates(run.rides()).select("class_id", "period", "period_start").distinct();
    }

    /** The week and month rows of each ride: the rows of class_period_rides. */
    @Override
    public Dataset<Row> candidates(Dataset<Row> rides) {
        return SqlFiles.run(rides.sparkSession(), "class_period_rides.sql", Map.of("rides", rides), Map.of());
    }

    @Override
    public Dataset<Row> asCandidates(Dataset<Row> stored) {
        return stored.selectExpr(CANDIDATE);
    }

    @Override
    public Dataset<Row> source(RunScope run, Dataset<Row> lists) {
        return asCandidates(run.stored("class_period_rides", lists, "class_id", "period", "period_start"));
    }

    @Override
    public Dataset<Row> rank(RunScope run, Dataset<Row> candidates) {
        return Leaderboards.rank(run, candidates, listKey());
    }
}
