package com.rides.merge;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What one step of a run writes: for each table, the new rows of the keys the run covers.
 * The writer applies them all in one Spark job (com.rides.results.ResultWriter). Primary
 * keys come from each table's schema; a definition names only its rows and the other
 * keys it covers.
 */
public final class Writes {

    /** One table's write. */
    public sealed interface Write permits Replace, ReplaceLists {
        String table();
    }

    /**
     * Every key of {@code covered} and of {@code rows} ends up holding its row of
     * {@code rows}, or nothing (the key's stored row is deleted). On a rebuild every stored
     * key of the table is covered.
     *
     * @param covered rows holding (at least) the primary key columns of keys the run covers
     *                besides those of its rows, e.g. those of stored rows of its days; rows
     *                with a null key column are ignored
     */
    public record Replace(String table, Dataset<Row> covered, Dataset<Row> rows) implements Write {
    }

    /**
     * Each list named by {@code lists} (its columns: the list key, e.g. user_id, metric)
     * ends up holding exactly its rows of {@code rows} (1-based gap-free {@code rank}),
     * swapped in one single-partition batch; a list without rows ends up empty. On a
     * rebuild every stored list is covered.
     */
    public record ReplaceLists(String table, Dataset<Row> lists, Dataset<Row> rows) implements Write {
    }

    private final List<Write> writes = new ArrayList<>();

    public Writes replace(String table, Dataset<Row> covered, Dataset<Row> rows) {
        writes.add(new Replace(table, covered, rows));
        return this;
    }

    public Writes replaceLists(String table, Dataset<Row> lists, Dataset<Row> rows) {
        writes.add(new ReplaceLists(table, lists, rows));
        return this;
    }

    /** The writes, in the order they were added. */
    public List<Write> all() {
        return List.copyOf(writes);
    }

    /** The tables written, in order, each once. */
    public List<String> tables() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (Write w : writes) {
            names.add(w.table());
        }
        return List.copyOf(names);
    }
}
