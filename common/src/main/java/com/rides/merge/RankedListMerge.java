package com.rides.merge;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.stream.Stream;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

/**
 * The merge of every ranked list (top 10s, leaderboards): a list is the top
 * {@link RunScope#LIST_SIZE} of all its candidates, and the stored list is the merge of
 * every day's candidates so far. A run merges the stored list, less the entries of the
 * rides it reprocesses, with the candidates of its rides. That is exact while a stored
 * entry keeps or gains value; when one lost value or left (quarantined), the merge cannot
 * know the next candidate, so that list is recomputed from its complete source. Lists the
 * run cannot change (every new candidate below a full list's last entry) are neither
 * shuffled nor rewritten: on a long history most new rides enter no all-time list. A
 * rebuild is the same merge with no stored lists: every list from all its candidates.
 * The period leaderboards are one more {@link RankedList} each (their list key holds the
 * period), merged here like the all-time ones.
 */
public final class RankedListMerge {

    private RankedListMerge() {
    }

    /** Adds the lists the run changes, with their new rows, to {@code out}. */
    public static void write(RunScope run, RankedList list, Writes out) {
        String[] key = list.listKey();
        Dataset<Row> fresh = list.candidates(run.kept());
        if (run.rebuild()) {
            // No stored list: every list from all its candidates (the merge below, with
            // nothing stored and nothing worse, comes to exactly this).
            Dataset<Row> all = run.computedOnce("prepare " + list.table() + " candidates", fresh);
            out.replaceLists(list.table(), all.select(columns(key)).distinct(), list.rank(run, all));
            return;
        }
        Dataset<Row> reprocessed = run.small(run.rides().select("workout_id"));
        // Read once (one query per list), then read by several steps of the merge.
        Dataset<Row> stored = list.asCandidates(
                run.computedOnce("prepare stored " + list.table(), run.stored(list.table(), list.lists(run), key)));
        // Lists where a stored entry lost value or left: the merge cannot know the next entry.
        // (Hinted small where they are joined, not where they are made: they are also
        // selected, unioned and written, where Spark warns of a hint outside a join.)
        Dataset<Row> worse = stored.join(reprocessed, seq("workout_id"), "left_semi")
                .join(run.small(fresh.select(Stream.concat(Arrays.stream(columns(key)), Stream.of(col("workout_id"),
                        col(list.value()).as("new_value"))).toArray(Column[]::new))),
                        seq(concat(key, "workout_id")), "left_outer")
                .where(col("new_value").isNull().or(col("new_value").lt(col(list.value()))))
                .select(columns(key)).distinct();
        Dataset<Row> changed = changed(run, stored, fresh, worse, list);
        Dataset<Row> fromStored = stored.join(reprocessed, seq("workout_id"), "left_anti")
                .join(run.small(worse), seq(key), "left_anti")
                .join(run.small(changed), seq(key), "left_semi");
        Dataset<Row> fromSource = list.source(run, worse).join(reprocessed, seq("workout_id"), "left_anti")
                .join(run.small(worse), seq(key), "left_semi");
        Dataset<Row> candidates = fromStored.unionByName(fresh.join(run.small(changed), seq(key), "left_semi"))
                .unionByName(fromSource.select(columns(fresh.columns())));
        out.replaceLists(list.table(), changed, list.rank(run, candidates));
    }

    /**
     * The lists whose top N the run can change: those with a worse stored entry, and those
     * that a new or changed candidate may enter (the list has fewer than N rows, or the
     * candidate is not below its N-th value; a tie counts as entering). Where a list holds
     * one entry per holder, a candidate not above its holder's stored entry cannot change
     * it. Any other list would merge back into exactly its stored rows.
     */
    private static Dataset<Row> changed(RunScope run, Dataset<Row> stored, Dataset<Row> fresh, Dataset<Row> worse,
                                        RankedList list) {
        String[] key = list.listKey();
        String value = list.value();
        String[] columns = fresh.columns();
        // Compared on every column (a null never matches: such a candidate counts as new).
        Dataset<Row> unchanged = stored.select(columns(columns)).join(run.small(fresh), seq(columns), "left_semi");
        Dataset<Row> news = fresh.join(run.small(unchanged), seq(columns), "left_anti");
        if (list.holder() != null) {
            String[] entryKey = concat(key, list.holder());
            // One stored entry per holder and list, so the join cannot repeat a candidate.
            Dataset<Row> held = stored.select(Stream.concat(Arrays.stream(columns(entryKey)),
                    Stream.of(col(value).as("held_value"))).toArray(Column[]::new));
            news = news.join(run.small(held), seq(entryKey), "left_outer")
                    .where(col("held_value").isNull().or(col(value).geq(col("held_value"))))
                    .drop("held_value");
        }
        Dataset<Row> last = stored.groupBy(columns(key))
                .agg(count(lit(1)).as("stored_rows"), min(value).as("last_value"));
        return news.join(run.small(last), seq(key), "left_outer")
                .where(col("stored_rows").isNull().or(col("stored_rows").lt(RunScope.LIST_SIZE))
                        .or(col(value).geq(col("last_value"))))
                .select(columns(key))
                .union(worse.select(columns(key)))
                .distinct();
    }

    private static Column[] columns(String... names) {
        return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static String[] concat(String[] a, String b) {
        return Stream.concat(Arrays.stream(a), Stream.of(b)).toArray(String[]::new);
    }
}
