package com.rides.merge;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table of ranked lists (a rider's top 10, a class's leaderboard): what
 * {@link RankedListMerge} needs to know of it. A candidate is a row in the columns of
 * {@link #candidates}: the list key, the {@link #value} it is ranked by, the ride it
 * comes from (workout_id) and what the list shows of it.
 */
public interface RankedList {

    /** The table; its partition key is the list key. */
    String table();

    /** The columns naming one list, e.g. user_id, metric. */
    String[] listKey();

    /** The column a list is ranked by, highest first. */
    String value();

    /**
     * Where a list holds one entry per holder (a leaderboard: each rider's best ride), the
     * holder's column; null where a holder may appear several times.
     */
    String holder();

    /** The keys of every list the run's rides (kept or quarantined) may change. */
    Dataset<Row> lists(RunScope run);

    /** The candidates of the given rides (kept rides; stored state rows of the same columns). */
    Dataset<Row> candidates(RunScope run, Dataset<Row> rides);

    /** Stored list rows, in the columns of the candidates. */
    Dataset<Row> asCandidates(Dataset<Row> stored);

    /**
     * Every candidate of the given lists from the complete stored source (every ride of a
     * rider, of a class): what a list is recomputed from when the merge cannot know its
     * next entry.
     */
    Dataset<Row> source(RunScope run, Dataset<Row> lists);

    /** The lists' rows from their candidates: rank 1..{@link RunScope#LIST_SIZE}, in the table's columns. */
    Dataset<Row> rank(RunScope run, Dataset<Row> candidates);
}
