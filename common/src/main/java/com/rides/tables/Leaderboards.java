package com.rides.tables;

import com.rides.merge.RunScope;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;

/**
 * The leaderboard rule, written once (sql/results/leaderboard.sql) for every board of a
 * class: all time, and each ISO week and month. Only the board's key differs.
 */
final class Leaderboards {

    /** The columns of a board's row after its key, in the tables' order. */
    private static final String[] ENTRY = {"rank", "user_id", "username", "workout_id", "total_output_kj", "started_at"};

    private Leaderboards() {
    }

    /**
     * Each board's top riders among {@code candidates}: its key columns, then
     * {@link #ENTRY}. The candidates are read twice: for the riders' names, and to rank.
     */
    static Dataset<Row> rank(RunScope run, Dataset<Row> candidates, String... boardKey) {
        Column board = struct(columns(Arrays.stream(boardKey)));
        Dataset<Row> ranked = run.sql("leaderboard.sql", Map.of(
                "leaderboard_candidates", candidates.withColumn("board", board),
                "riders", run.ridersOf(candidates.select("user_id"))));
        return ranked.select(columns(Stream.concat(Arrays.stream(boardKey), Arrays.stream(ENTRY))));
    }

    private static Column[] columns(Stream<String> names) {
        return names.map(name -> col(name)).toArray(Column[]::new);
    }
}
