package com.rides.tables;

import com.rides.merge.RankedList;
import com.rides.merge.RankedListMerge;
import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Map;

import static org.apache.spark.sql.functions.col;

/**
 * class_leaderboard: a class's all-time top riders by their best ride on it
 * (sql/results/class_leaderboard.sql), merged by {@link RankedListMerge}, one entry per
 * rider; a board is recomputed from the class's class_rides when one of its entries lost value.
 */
final class ClassLeaderboard implements TableDefinition, RankedList {

    @Override
    public void write(RunScope run, Writes out) {
        RankedListMerge.write(run, this, out);
    }

    @Override
    public String table() {
        return "class_leaderboard";
    }

    @Override
    public String[] listKey() {
        return new String[] {"class_id"};
    }

    @Override
    public String value() {
        return "total_output_kj";
    }

    @Override
    public String holder() {
        return "user_id";
    }

    @Override
    public Dataset<Row> lists(RunScope run) {
        return run.rides().where(col("class_id").isNotNull()).select("class_id").distinct();
    }

    @Override
    public Dataset<Row> candidates(RunScope run, Dataset<Row> rides) {
        return rides.select("class_id", "user_id", "workout_id", "total_output_kj", "started_at");
    }

    @Override
    public Dataset<Row> asCandidates(Dataset<Row> stored) {
        return candidates(null, stored);
    }

    @Override
    public Dataset<Row> source(RunScope run, Dataset<Row> lists) {
        return candidates(run, run.stored("class_rides", lists, "class_id"));
    }

    /** @param candidates read twice: for the riders' names, and to rank */
    @Override
    public Dataset<Row> rank(RunScope run, Dataset<Row> candidates) {
        return run.sql("class_leaderboard.sql", Map.of("leaderboard_candidates", candidates,
                "riders", run.ridersOf(candidates.select("user_id"))));
    }
}
