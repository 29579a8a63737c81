package com.rides.tables;

import com.rides.merge.RankedList;
import com.rides.merge.RunScope;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static org.apache.spark.sql.functions.col;

/**
 * class_leaderboard: a class's all-time top riders by their best ride on it
 * ({@link Leaderboards}, the class as the board), merged as every {@link RankedList}, one
 * entry per rider; a board is recomputed from the class's class_rides when one of its
 * entries lost value.
 */
final class ClassLeaderboard extends RankedList {

    ClassLeaderboard() {
        super("class_leaderboard", "total_output_kj", "user_id", "class_id");
    }

    @Override
    public Dataset<Row> lists(RunScope run) {
        return run.rides().where(col("class_id").isNotNull()).select("class_id").distinct();
    }

    @Override
    public Dataset<Row> candidates(Dataset<Row> rides) {
        return rides.select("class_id", "user_id", "workout_id", "total_output_kj", "started_at");
    }

    @Override
    public Dataset<Row> asCandidates(Dataset<Row> stored) {
        return candidates(stored);
    }

    @Override
    public Dataset<Row> source(RunScope run, Dataset<Row> lists) {
        return candidates(run.stored("class_rides", lists, "class_id"));
    }

    /** @param candidates read twice: for the riders' names, and to rank */
    @Override
    public Dataset<Row> rank(RunScope run, Dataset<Row> candidates) {
        return Leaderboards.rank(run, candidates, listKey());
    }
}
