package com.rides.merge;

import com.rides.merge.ListDecision.Entry;
import com.rides.merge.ListDecision.Outcome;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

/**
 * The merge of every ranked list (top 10s, leaderboards): a list is the top
 * {@link RunScope#LIST_SIZE} of all its candidates, and the stored list is the merge of
 * every day's candidates so far. A run merges the stored list, less the entries of the
 * rides it reprocesses, with the candidates of its rides. That is exact while a stored
 * entry keeps or gains value; when one lost value or left (quarantined), the merge cannot
 * know the next candidate, so that list is recomputed from its complete source. Lists the
 * run cannot change (every new candidate below a full list's last entry) are neither
 * ranked nor rewritten: on a long history most new rides enter no all-time list. A
 * rebuild is the same merge with no stored lists: every list from all its candidates.
 * The period leaderboards are one more {@link RankedList} each (their list key holds the
 * period), merged here like the all-time ones.
 *
 * <p>On a nightly run the stored lists and the candidates meet in one grouped pass by
 * list key, where {@link ListDecision} decides each list in plain Java; its outcome is
 * computed once (one Spark job), and the write ranks the lists it names. Nothing in the
 * merge is broadcast: every join is between sets of the run's size, and each broadcast
 * would be a Spark job of its own.
 */
public final class RankedListMerge {

    private static final String REPROCESSED = "_reprocessed";
    private static final String ROLE = "_role";
    private static final String ROWS = "_rows";
    /** What a row of the merge's outcome is: a candidate to rank, or the key of a list to write. */
    private static final int CANDIDATE = 0;
    private static final int MERGED = 1;
    private static final int RECOMPUTE = 2;

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
        // Every workout of the run once (RunScope.rides), so the flag join repeats no entry.
        Dataset<Row> reprocessed = run.rides().select("workout_id");
        Dataset<Row> stored = list.asCandidates(run.stored(list.table(), list.lists(run), key))
                .join(reprocessed.withColumn(REPROCESSED, lit(true)), seq("workout_id"), "left_outer")
                .withColumn(REPROCESSED, coalesce(col(REPROCESSED), lit(false)));
        Dataset<Row> rows = fresh.withColumn(REPROCESSED, lit(null).cast(DataTypes.BooleanType))
                .unionByName(stored);
        Column[] entry = columns(rows.columns());
        Dataset<Row> grouped = rows.groupBy(columns(key)).agg(collect_list(struct(entry)).as(ROWS));
        Dataset<Row> outcome = run.computedOnce("merge " + list.table(), grouped.flatMap(
                new Decide(fresh.schema(), key, list.value(), list.holder()), Encoders.row(outcomeSchema(fresh))));

        Dataset<Row> lists = outcome.where(col(ROLE).geq(MERGED)).select(columns(key));
        Dataset<Row> recompute = outcome.where(col(ROLE).equalTo(RECOMPUTE)).select(columns(key));
        Dataset<Row> fromSource = list.source(run, recompute)
                .join(reprocessed, seq("workout_id"), "left_anti")
                .join(recompute, seq(key), "left_semi");
        Dataset<Row> candidates = outcome.where(col(ROLE).equalTo(CANDIDATE)).select(columns(fresh.columns()))
                .unionByName(fromSource.select(columns(fresh.columns())));
        out.replaceLists(list.table(), lists, list.rank(run, candidates));
    }

    /** The candidates' columns, each nullable (a list's key row leaves the others empty), and the row's role. */
    private static StructType outcomeSchema(Dataset<Row> fresh) {
        List<StructField> fields = new ArrayList<>();
        for (StructField f : fresh.schema().fields()) {
            fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
        }
        fields.add(DataTypes.createStructField(ROLE, DataTypes.IntegerType, false));
        return DataTypes.createStructType(fields);
    }

    /**
     * One list's stored entries and candidates (a grouped row: the list key, then every
     * row as a struct of the candidate's columns and whether it is a stored entry of a
     * reprocessed ride, null for a candidate) to what the write needs of it: the rows to
     * rank it from, and its key with the outcome (none when it stands).
     */
    private static final class Decide implements FlatMapFunction<Row, Row> {
        private final int width;
        private final int[] keyAt;
        private final int workoutAt;
        private final int valueAt;
        private final int holderAt;

        Decide(StructType candidate, String[] key, String value, String holder) {
            this.width = candidate.size();
            this.keyAt = Arrays.stream(key).mapToInt(candidate::fieldIndex).toArray();
            this.workoutAt = candidate.fieldIndex("workout_id");
            this.valueAt = candidate.fieldIndex(value);
            this.holderAt = holder == null ? -1 : candidate.fieldIndex(holder);
        }

        @Override
        public Iterator<Row> call(Row list) {
            List<Entry> stored = new ArrayList<>();
            List<Entry> candidates = new ArrayList<>();
            for (Row r : list.<Row>getList(keyAt.length)) {
                Object[] fields = new Object[width];
                for (int i = 0; i < width; i++) {
                    fields[i] = r.get(i);
                }
                Object value = r.get(valueAt);
                Entry e = new Entry(Arrays.asList(fields), r.get(workoutAt), holderAt < 0 ? null : r.get(holderAt),
                        value == null ? null : ((Number) value).doubleValue(), !r.isNullAt(width) && r.getBoolean(width));
                (r.isNullAt(width) ? candidates : stored).add(e);
            }
            Outcome outcome = ListDecision.decide(stored, candidates, RunScope.LIST_SIZE);
            List<Row> out = new ArrayList<>();
            for (Entry e : ListDecision.rankedFrom(outcome, stored, candidates)) {
                out.add(row(e.fields().toArray(), CANDIDATE));
            }
            if (outcome != Outcome.UNCHANGED) {
                Object[] keyRow = new Object[width];
                for (int i = 0; i < keyAt.length; i++) {
                    keyRow[keyAt[i]] = list.get(i);
                }
                out.add(row(keyRow, outcome == Outcome.RECOMPUTE ? RECOMPUTE : MERGED));
            }
            return out.iterator();
        }

        private static Row row(Object[] fields, int role) {
            Object[] values = Arrays.copyOf(fields, fields.length + 1);
            values[fields.length] = role;
            return RowFactory.create(values);
        }
    }

    private static Column[] columns(String... names) {
        return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
