package com.rides.merge;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table of ranked lists (a rider's top 10, a class's leaderboard, a period's
 * leaderboard), written by {@link RankedListMerge}. A subclass names the list's table,
 * key, value and holder, and says where its candidates come from. A candidate is a row
 * in the columns of {@link #candidates}: the list key, the value it is ranked by, the
 * ride it comes from (workout_id) and what the list shows of it.
 */
public abstract class RankedList implements TableDefinition {

    private final String table;
    private final String value;
    private final String holder;
    private final String[] listKey;

    /**
     * @param table   the table; its partition key is the list key
     * @param value   the column a list is ranked by, highest first
     * @param holder  where a list holds one entry per holder (a leaderboard: each rider's
     *                best ride), the holder's column; null where a holder may appear several times
     * @param listKey the columns naming one list, e.g. user_id, metric
     */
    protected RankedList(String table, String value, String holder, String... listKey) {
        this.table = table;
        this.value = value;
        this.holder = holder;
        this.listKey = listKey.clone();
    }

    @Override
    public final void write(RunScope run, Writes out) {
        RankedListMerge.write(run, this, out);
    }

    public final String table() {
        return table;
    }

    public final String[] listKey() {
        return listKey.clone();
    }

    public final String value() {
        return value;
    }

    public final String holder() {
        return holder;
    }

    /** The keys of every list the run's rides (kept or quarantined) may change. */
    public abstract Dataset<Row> lists(RunScope run);

    /** The candidates of the given rides (kept rides, or stored rows of the source's columns). */
    public abstract Dataset<Row> candidates(Dataset<Row> rides);

    /** Stored list rows, in the columns of the candidates. */
    public abstract Dataset<Row> asCandidates(Dataset<Row> stored);

    /**
     * Every candidate of the given lists from the complete stored source (every ride of a
     * rider, of a class): what a list is recomputed from when the merge cannot know its
     * next entry.
     */
    public abstract Dataset<Row> source(RunScope run, Dataset<Row> lists);

    /** The lists' rows from their candidates: rank 1..{@link RunScope#LIST_SIZE}, in the table's columns. */
    public abstract Dataset<Row> rank(RunScope run, Dataset<Row> candidates);
}
