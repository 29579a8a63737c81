package com.rides.merge;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An all-time figure kept as per-day contributions (a state table whose rows carry
 * their day: class_day_totals, class_ratings, the day rows of user_period_stats): the
 * figure is the merge of every day's rows, so a run replaces the contributions of the
 * days it covers and keeps the stored ones of every other day. Processing a day twice
 * therefore replaces, never adds, and a rebuild (no stored rows) is the same merge.
 */
public final class DayContributions {

    private DayContributions() {
    }

    /**
     * The contributions of every day to the figures of the given keys: the stored rows of
     * the days the run does not cover, and the run's own.
     *
     * @param stored    the stored rows of those keys ({@link RunScope#stored})
     * @param dayColumn the column holding a row's day
     * @param fresh     the run's contributions, in the columns the figures need
     */
    public static Dataset<Row> merged(RunScope run, Dataset<Row> stored, String dayColumn, Dataset<Row> fresh) {
        return stored.where(run.covers(dayColumn).unary_$bang()).selectExpr(fresh.columns()).unionByName(fresh);
    }
}
