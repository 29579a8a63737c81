package com.rides.results;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BatchType;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.spark.connector.cql.CassandraConnector;
import com.datastax.spark.connector.writer.RateLimiter;
import com.datastax.spark.connector.writer.RateLimiter$;
import com.rides.merge.Writes;
import com.rides.raw.CassandraTables;
import com.rides.spark.JobNames;
import com.rides.spark.SqlActions;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.Union;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import scala.collection.JavaConverters;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

/**
 * Applies a step's {@link Writes} to Cassandra in one Spark job: every write of the step
 * becomes a branch of one union, and each task sends its rows as prepared statements
 * from the executor (at most {@value #IN_FLIGHT} in flight, throttled to the run's write
 * rate per core). A replaced key gets an insert of its new row, or a delete when it has
 * none; a ranked list is swapped in one single-partition batch (insert ranks 1..n, delete
 * ranks above n), which Cassandra applies atomically, so the app never reads half a top
 * 10. Every statement is idempotent: a statement in flight to a node that dies may be
 * retried on another replica instead of failing the task.
 */
public final class ResultWriter {

    private static final int IN_FLIGHT = 32;
    private static final String PRESENT = "_present";

    private final CassandraTables tables;
    private final String keyspace;
    private final String consistency;
    private final double mbPerSecondPerTask;
    private final CassandraConnector connector;
    private final transient Consumer<String> afterEachTable;

    /**
     * @param afterEachTable told the name of each table once its writes are done: progress
     *                       for the console, and the point where tests cut a run short
     */
    public ResultWriter(CassandraTables tables, Consumer<String> afterEachTable) {
        this.tables = tables;
        this.keyspace = tables.config().statsKeyspace();
        this.consistency = tables.config().writeConsistency();
        this.mbPerSecondPerTask = tables.config().writeMbPerSecPerCore();
        this.connector = com.rides.cassandra.ConnectorSettings.connector(tables.spark().sparkContext(), tables.config());
        this.afterEachTable = afterEachTable;
    }

    /**
     * Applies the writes (built in one session: a step's) as one Spark job, then tells
     * each table. Returns the rows written per table (upserted rows and list entries).
     *
     * @param rebuild true when every stored key of each table is covered (a rebuild)
     */
    public Map<String, Long> write(Writes writes, boolean rebuild) {
        List<Branch> branches = new ArrayList<>();
        List<Dataset<Row>> rows = new ArrayList<>();
        Map<String, TableMetadata> meta = metadata(writes.tables());
        for (Writes.Write w : writes.all()) {
            if (w instanceof Writes.Replace r) {
                replace(r, meta.get(r.table()), rebuild, branches, rows);
            } else if (w instanceof Writes.ReplaceLists l) {
                lists(l, meta.get(l.table()), rebuild, branches, rows);
            }
        }
        String name = "write " + String.join(", ", writes.tables());
        Dataset<Row> union = union(rows);
        String ks = keyspace;
        String cl = consistency;
        double mbps = mbPerSecondPerTask;
        CassandraConnector conn = connector;
        List<Branch> shipped = List.copyOf(branches);
        JobNames.named(tables.spark().sparkContext(), name, () -> {
            SqlActions.foreachPartition(union, name, (VoidFunction<Iterator<InternalRow>>) it -> {
                if (it.hasNext()) {
                    apply(it, shipped, conn, ks, cl, mbps);
                }
            });
            return null;
        });
        Map<String, Long> written = new LinkedHashMap<>();
        for (Branch b : branches) {
            written.merge(b.table, b.written.value(), Long::sum);
        }
        for (String table : writes.tables()) {
            afterEachTable.accept(table);
        }
        return written;
    }

    /**
     * Records the days as processed by nightly: last in a run, and only when every table
     * was written. With {@code replaceAll} (a rebuild) every other day is forgotten.
     */
    public void markProcessed(Collection<LocalDate> days, UUID runId, boolean replaceAll) {
        String table = keyspace + ".processed_days";
        try (CqlSession session = connector.openSession()) {
            PreparedStatement insert = session.prepare("INSERT INTO " + table
                    + " (job, day, run_id, finished_at) VALUES ('nightly', ?, ?, ?)");
            PreparedStatement delete = session.prepare("DELETE FROM " + table + " WHERE job = 'nightly' AND day = ?");
            try (InFlight flight = new InFlight(session, IN_FLIGHT)) {
                if (replaceAll) {
                    Set<LocalDate> keep = new HashSet<>(days);
                    for (com.datastax.oss.driver.api.core.cql.Row r : session.execute(
                            "SELECT day FROM " + table + " WHERE job = 'nightly'")) {
                        if (!keep.contains(r.getLocalDate(0))) {
                            flight.submit(delete.bind(r.getLocalDate(0)).setConsistencyLevel(level(consistency)));
                        }
                    }
                }
                Instant now = Instant.now();
                for (LocalDate d : days) {
                    flight.submit(insert.bind(d, runId, now).setConsistencyLevel(level(consistency)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while recording the processed days", e);
            }
        }
        afterEachTable.accept("processed_days");
    }

    /** One write of a step, as the executors apply it: its table, columns and statements. */
    private static final class Branch implements Serializable {
        final String table;
        final boolean lists;
        /** Fields of the branch's struct: the key (primary key, or list key) first. */
        final String[] fields;
        final DataType[] types;
        /** CQL types of the fields (of the key fields only, for lists). */
        final CqlValues.Cql[] cql;
        final int keyFields;
        /** Lists: the entry fields (every non-list-key column, rank among them). */
        final String[] entryFields;
        final DataType[] entryTypes;
        final CqlValues.Cql[] entryCql;
        final int rankField;
        final LongAccumulator written;
        transient PreparedStatement insert;
        transient PreparedStatement delete;

        Branch(String table, boolean lists, StructType struct, TableMetadata meta, int keyFields,
               LongAccumulator written) {
            this.table = table;
            this.lists = lists;
            this.keyFields = keyFields;
            this.written = written;
            List<StructField> top = new ArrayList<>(Arrays.asList(struct.fields()));
            top.remove(top.size() - 1); // the presence flag, or the list's entries
            this.fields = top.stream().map(StructField::name).toArray(String[]::new);
            this.types = top.stream().map(StructField::dataType).toArray(DataType[]::new);
            this.cql = Arrays.stream(fields).map(f -> cqlOf(meta, f)).toArray(CqlValues.Cql[]::new);
            if (lists) {
                StructType entry = (StructType) ((ArrayType) struct.fields()[keyFields].dataType()).elementType();
                this.entryFields = entry.fieldNames();
                this.entryTypes = Arrays.stream(entry.fields()).map(StructField::dataType).toArray(DataType[]::new);
                this.entryCql = Arrays.stream(entryFields).map(f -> cqlOf(meta, f)).toArray(CqlValues.Cql[]::new);
                this.rankField = Arrays.asList(entryFields).indexOf("rank");
            } else {
                this.entryFields = null;
                this.entryTypes = null;
                this.entryCql = null;
                this.rankField = -1;
            }
        }

        void prepare(CqlSession session, String ks) {
            String[] keys = Arrays.copyOf(fields, keyFields);
            String where = String.join(" AND ", Arrays.stream(keys).map(c -> c + " = ?").toList());
            if (lists) {
                List<String> columns = new ArrayList<>(Arrays.asList(keys));
                columns.addAll(Arrays.asList(entryFields));
                insert = session.prepare(insertCql(ks, columns));
                delete = session.prepare("DELETE FROM " + ks + "." + table + " WHERE " + where + " AND rank > ?");
            } else {
                insert = session.prepare(insertCql(ks, Arrays.asList(fields)));
                delete = session.prepare("DELETE FROM " + ks + "." + table + " WHERE " + where);
            }
        }

        private String insertCql(String ks, List<String> columns) {
            return "INSERT INTO " + ks + "." + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }

        /** The statement for one row of this branch, and its size for the throttle. */
        Statement<?> statement(InternalRow row, long[] bytes) {
            if (lists) {
                return listSwap(row, bytes);
            }
            boolean present = !row.isNullAt(fields.length) && row.getBoolean(fields.length);
            int n = present ? fields.length : keyFields;
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = CqlValues.value(row, i, types[i], cql[i]);
                bytes[0] += CqlValues.size(values[i]);
            }
            if (present) {
                written.add(1);
            }
            return bind(present ? insert : delete, values);
        }

        private Statement<?> listSwap(InternalRow row, long[] bytes) {
            Object[] key = new Object[keyFields];
            for (int i = 0; i < keyFields; i++) {
                key[i] = CqlValues.value(row, i, types[i], cql[i]);
                bytes[0] += CqlValues.size(key[i]);
            }
            ArrayData entries = row.getArray(keyFields);
            List<Object[]> ranked = new ArrayList<>();
            for (int j = 0; j < entries.numElements(); j++) {
                InternalRow e = entries.getStruct(j, entryFields.length);
                Object[] values = new Object[keyFields + entryFields.length];
                System.arraycopy(key, 0, values, 0, keyFields);
                for (int f = 0; f < entryFields.length; f++) {
                    values[keyFields + f] = CqlValues.value(e, f, entryTypes[f], entryCql[f]);
                    bytes[0] += CqlValues.size(values[keyFields + f]);
                }
                ranked.add(values);
            }
            ranked.sort(Comparator.comparingInt(v -> (Integer) v[keyFields + rankField]));
            BatchStatementBuilder batch = BatchStatement.builder(BatchType.UNLOGGED);
            for (Object[] values : ranked) {
                batch.addStatement(bind(insert, values));
            }
            Object[] beyond = Arrays.copyOf(key, keyFields + 1);
            beyond[keyFields] = ranked.size();
            batch.addStatement(bind(delete, beyond));
            written.add(ranked.size());
            return batch.build();
        }
    }

    private void replace(Writes.Replace w, TableMetadata meta, boolean rebuild, List<Branch> branches,
                         List<Dataset<Row>> out) {
        String[] key = meta.getPrimaryKey().stream().map(c -> c.getName().asInternal()).toArray(String[]::new);
        Dataset<Row> covered = w.covered().select(columns(key)).where(notNull(key));
        if (rebuild) {
            covered = covered.union(storedIn(w.rows(), w.table()).select(columns(key)));
        }
        List<String> others = new ArrayList<>();
        for (String c : w.rows().columns()) {
            if (!Arrays.asList(key).contains(c)) {
                others.add(c);
            }
        }
        Dataset<Row> joined = covered.distinct()
                .join(w.rows().withColumn(PRESENT, lit(true)), seq(key), "full_outer");
        List<Column> fields = new ArrayList<>(Arrays.asList(columns(key)));
        others.forEach(c -> fields.add(col(c)));
        fields.add(col(PRESENT));
        Dataset<Row> branch = joined.select(struct(fields.toArray(new Column[0])).as("b"));
        branches.add(new Branch(w.table(), false, (StructType) branch.schema().fields()[0].dataType(), meta,
                key.length, tables.spark().sparkContext().longAccumulator(w.table() + " rows")));
        out.add(branch);
    }

    private void lists(Writes.ReplaceLists w, TableMetadata meta, boolean rebuild, List<Branch> branches,
                       List<Dataset<Row>> out) {
        String[] key = w.lists().columns();
        Dataset<Row> lists = w.lists().select(columns(key));
        if (rebuild) {
            lists = lists.union(storedIn(w.rows(), w.table()).select(columns(key)));
        }
        List<Column> entry = new ArrayList<>();
        for (String c : w.rows().columns()) {
            if (!Arrays.asList(key).contains(c)) {
                entry.add(col(c));
            }
        }
        Dataset<Row> grouped = lists.distinct()
                .join(w.rows().withColumn(PRESENT, lit(true)), seq(key), "full_outer")
                .groupBy(columns(key))
                .agg(collect_list(when(col(PRESENT), struct(entry.toArray(new Column[0])))).as("entries"));
        List<Column> fields = new ArrayList<>(Arrays.asList(columns(key)));
        fields.add(col("entries"));
        Dataset<Row> branch = grouped.select(struct(fields.toArray(new Column[0])).as("b"));
        branches.add(new Branch(w.table(), true, (StructType) branch.schema().fields()[0].dataType(), meta,
                key.length, tables.spark().sparkContext().longAccumulator(w.table() + " lists rows")));
        out.add(branch);
    }

    /** Every stored row of the table, in the session of the rows written (a step's own). */
    private Dataset<Row> storedIn(Dataset<Row> rows, String table) {
        return new CassandraTables(rows.sparkSession(), tables.config()).stats(table);
    }

    /**
     * One relation of every branch: the branch's index, and its struct in a column of its own.
     * Built as one union of all branches, analysed once: a union grown branch by branch
     * (Dataset.union) was analysed again whole at each branch, a step's whole lineage each time.
     */
    private static Dataset<Row> union(List<Dataset<Row>> branches) {
        List<DataType> types = branches.stream().map(b -> b.schema().fields()[0].dataType()).toList();
        List<LogicalPlan> tagged = new ArrayList<>();
        for (int i = 0; i < branches.size(); i++) {
            List<Column> cols = new ArrayList<>();
            cols.add(lit(i).as("w"));
            for (int j = 0; j < branches.size(); j++) {
                cols.add((j == i ? col("b") : lit(null).cast(types.get(j))).as("b" + j));
            }
            tagged.add(branches.get(i).select(cols.toArray(new Column[0])).logicalPlan());
        }
        LogicalPlan all = tagged.size() == 1 ? tagged.get(0)
                : new Union(JavaConverters.asScalaBuffer(tagged).toSeq(), false, false);
        return Dataset.ofRows(branches.get(0).sparkSession(), all);
    }

    /** A task's share of the union: each row to its branch's statement, bounded and throttled. */
    private static void apply(Iterator<InternalRow> it, List<Branch> branches, CassandraConnector conn, String ks,
                              String cl, double mbps) throws InterruptedException {
        try (CqlSession session = conn.openSession()) {
            RateLimiter throttle = mbps > 0 ? throttle(mbps) : null;
            long[] bytes = new long[1];
            try (InFlight flight = new InFlight(session, IN_FLIGHT)) {
                while (it.hasNext()) {
                    InternalRow row = it.next();
                    int i = row.getInt(0);
                    Branch b = branches.get(i);
                    if (b.insert == null) {
                        b.prepare(session, ks);
                    }
                    InternalRow struct = row.getStruct(1 + i, b.fields.length + 1);
                    bytes[0] = 0;
                    Statement<?> statement = b.statement(struct, bytes);
                    if (throttle != null) {
                        throttle.maybeSleep(bytes[0]);
                    }
                    flight.submit(statement.setConsistencyLevel(level(cl)));
                }
            }
        }
    }

    /**
     * The connector's own rate limiter (what its DataFrame writer uses for
     * spark.cassandra.output.throughputMBPerSec), per task, so a result write keeps to the
     * same --write-mb-per-sec per core.
     */
    private static RateLimiter throttle(double mbPerSecond) {
        long bytesPerSecond = Math.max(1, (long) (mbPerSecond * 1024 * 1024));
        return new RateLimiter(bytesPerSecond, bytesPerSecond, RateLimiter$.MODULE$.$lessinit$greater$default$3(),
                RateLimiter$.MODULE$.$lessinit$greater$default$4());
    }

    private Map<String, TableMetadata> metadata(List<String> names) {
        Map<String, TableMetadata> out = new LinkedHashMap<>();
        try (CqlSession session = connector.openSession()) {
            for (String t : names) {
                out.put(t, table(session, keyspace, t));
            }
        }
        return out;
    }

    private static CqlValues.Cql cqlOf(TableMetadata meta, String column) {
        ColumnMetadata c = meta.getColumn(CqlIdentifier.fromInternal(column)).orElseThrow(() ->
                new IllegalStateException(meta.getName().asInternal() + " has no column " + column));
        return CqlValues.Cql.of(c.getType());
    }

    private static BoundStatement bind(PreparedStatement ps, Object[] values) {
        BoundStatement bound = ps.bind();
        for (int i = 0; i < values.length; i++) {
            bound = values[i] == null ? bound.setToNull(i) : bound.set(i, values[i], (Class<Object>) values[i].getClass());
        }
        return bound;
    }

    private static TableMetadata table(CqlSession session, String ks, String table) {
        return session.getMetadata().getKeyspace(CqlIdentifier.fromInternal(ks))
                .flatMap(k -> k.getTable(CqlIdentifier.fromInternal(table)))
                .orElseThrow(() -> new IllegalStateException("table " + ks + "." + table + " is missing"));
    }

    private static ConsistencyLevel level(String name) {
        return DefaultConsistencyLevel.valueOf(name);
    }

    private static Column[] columns(String... names) {
        return Arrays.stream(names).map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    private static Column notNull(String... names) {
        Column all = lit(true);
        for (String n : names) {
            all = all.and(col(n).isNotNull());
        }
        return all;
    }

    /** Bounded asynchronous execution: at most N statements in flight; the first failure fails the task. */
    static final class InFlight implements AutoCloseable {
        private final CqlSession session;
        private final Semaphore permits;
        private final int size;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();

        InFlight(CqlSession session, int size) {
            this.session = session;
            this.size = size;
            this.permits = new Semaphore(size);
        }

        void submit(Statement<?> statement) throws InterruptedException {
            rethrow();
            permits.acquire();
            // Every insert, delete and list swap is idempotent: a statement in flight to a node
            // that dies may then be retried on another replica instead of failing the task.
            CompletionStage<?> stage = session.executeAsync(statement.setIdempotent(true));
            stage.whenComplete((rs, err) -> {
                if (err != null) {
                    failure.compareAndSet(null, err);
                }
                permits.release();
            });
        }

        @Override
        public void close() throws InterruptedException {
            permits.acquire(size);
            permits.release(size);
            rethrow();
        }

        private void rethrow() {
            Throwable t = failure.get();
            if (t != null) {
                throw new IllegalStateException("write failed: " + t.getMessage(), t);
            }
        }
    }
}
