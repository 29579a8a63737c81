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
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.spark.connector.cql.CassandraConnector;
import com.rides.raw.CassandraTables;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.util.LongAccumulator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes result and state rows. Plain rows go through the connector (throttled by
 * its output settings). Deletes, and the swap of a ranked list, go through prepared
 * statements from executors: a list is replaced by one single-partition batch
 * (insert ranks 1..n, delete ranks above n), which Cassandra applies atomically, so
 * the app never reads half a top 10.
 */
public final class ResultWriter {

    private static final int IN_FLIGHT = 32;

    private final String keyspace;
    private final String consistency;
    private final CassandraConnector connector;
    private final transient Consumer<String> afterEachWrite;

    /**
     * @param afterEachWrite told the name of each table after each write to it:
     *                       progress for the console, and the point where tests cut a run short
     */
    public ResultWriter(CassandraTables tables, Consumer<String> afterEachWrite) {
        this.keyspace = tables.config().statsKeyspace();
        this.consistency = tables.config().writeConsistency();
        this.connector = com.rides.cassandra.ConnectorSettings.connector(tables.spark().sparkContext(), tables.config());
        this.afterEachWrite = afterEachWrite;
    }

    /** Upserts every row (columns named as in the table); returns the row count. One Spark job. */
    public long upsert(String table, Dataset<Row> rows) {
        return described(rows, "upsert " + table, () -> upsertRows(table, rows));
    }

    private long upsertRows(String table, Dataset<Row> rows) {
        LongAccumulator written = rows.sparkSession().sparkContext().longAccumulator(table + " rows");
        rows.mapPartitions((MapPartitionsFunction<Row, Row>) it -> counting(it, written), Encoders.row(rows.schema()))
                .write().format(CassandraTables.FORMAT)
                .option("keyspace", keyspace)
                .option("table", table)
                .mode(SaveMode.Append)
                .save();
        afterEachWrite.accept(table);
        return written.value();
    }

    /**
     * Deletes the rows (or partitions, or clustering ranges) named by {@code keys},
     * whose columns are a prefix of the primary key. Returns the number of deletes sent.
     */
    public long delete(String table, Dataset<Row> keys) {
        return described(keys, "delete from " + table, () -> deleteRows(table, keys));
    }

    private long deleteRows(String table, Dataset<Row> keys) {
        String[] cols = keys.columns();
        String cql = "DELETE FROM " + keyspace + "." + table + " WHERE "
                + String.join(" AND ", Arrays.stream(cols).map(c -> c + " = ?").toList());
        String ks = keyspace;
        String cl = consistency;
        CassandraConnector conn = connector;
        LongAccumulator deleted = keys.sparkSession().sparkContext().longAccumulator(table + " deletes");
        // No distinct(): a delete is idempotent, and de-duplicating would cost a shuffle.
        keys.foreachPartition((ForeachPartitionFunction<Row>) it -> {
            if (!it.hasNext()) {
                return;
            }
            try (CqlSession session = conn.openSession()) {
                PreparedStatement ps = session.prepare(cql);
                TableMetadata meta = table(session, ks, table);
                try (InFlight flight = new InFlight(session, IN_FLIGHT)) {
                    while (it.hasNext()) {
                        flight.submit(bind(ps, meta, cols, it.next()).setConsistencyLevel(level(cl)));
                        deleted.add(1);
                    }
                }
            }
        });
        afterEachWrite.accept(table);
        return deleted.value();
    }

    /**
     * Replaces ranked lists. {@code listKeys} names every list to rewrite (columns:
     * the list's key, e.g. user_id, metric); {@code rows} holds their new rows with a
     * 1-based gap-free {@code rank}. A list key without rows ends up empty.
     * Returns the number of rows written.
     */
    public long replaceLists(String table, Dataset<Row> listKeys, Dataset<Row> rows) {
        return described(rows, "replace lists of " + table, () -> replaceListRows(table, listKeys, rows));
    }

    private long replaceListRows(String table, Dataset<Row> listKeys, Dataset<Row> rows) {
        String[] keyCols = listKeys.columns();
        String[] rowCols = rows.columns();
        Dataset<Row> joined = listKeys.distinct()
                .join(rows, CassandraTables.seq(keyCols), "left_outer")
                .repartition(Arrays.stream(keyCols).map(functions::col).toArray(org.apache.spark.sql.Column[]::new))
                .sortWithinPartitions(concat(keyCols, "rank"));
        LongAccumulator written = rows.sparkSession().sparkContext().longAccumulator(table + " rows");
        String insertCql = "INSERT INTO " + keyspace + "." + table + " (" + String.join(", ", rowCols)
                + ") VALUES (" + String.join(", ", java.util.Collections.nCopies(rowCols.length, "?")) + ")";
        String deleteCql = "DELETE FROM " + keyspace + "." + table + " WHERE "
                + String.join(" AND ", Arrays.stream(keyCols).map(c -> c + " = ?").toList()) + " AND rank > ?";
        String ks = keyspace;
        String cl = consistency;
        CassandraConnector conn = connector;
        joined.foreachPartition((ForeachPartitionFunction<Row>) it -> {
            if (!it.hasNext()) {
                return;
            }
            try (CqlSession session = conn.openSession()) {
                PreparedStatement insert = session.prepare(insertCql);
                PreparedStatement delete = session.prepare(deleteCql);
                TableMetadata meta = table(session, ks, table);
                try (InFlight flight = new InFlight(session, IN_FLIGHT)) {
                    ListBatcher batcher = new ListBatcher(insert, delete, meta, keyCols, rowCols, written);
                    while (it.hasNext()) {
                        Statement<?> done = batcher.add(it.next());
                        if (done != null) {
                            flight.submit(done.setConsistencyLevel(level(cl)));
                        }
                    }
                    Statement<?> last = batcher.finish();
                    if (last != null) {
                        flight.submit(last.setConsistencyLevel(level(cl)));
                    }
                }
            }
        });
        afterEachWrite.accept(table);
        return written.value();
    }

    /** Builds one batch per list from rows sorted by list key, then rank. */
    private static final class ListBatcher {
        private final PreparedStatement insert;
        private final PreparedStatement delete;
        private final TableMetadata meta;
        private final String[] keyCols;
        private final String[] rowCols;
        private List<Object> currentKey;
        private Row keyRow;
        private BatchStatementBuilder batch;
        private final LongAccumulator written;
        private int ranks;

        ListBatcher(PreparedStatement insert, PreparedStatement delete, TableMetadata meta,
                    String[] keyCols, String[] rowCols, LongAccumulator written) {
            this.written = written;
            this.insert = insert;
            this.delete = delete;
            this.meta = meta;
            this.keyCols = keyCols;
            this.rowCols = rowCols;
        }

        Statement<?> add(Row r) {
            List<Object> key = new ArrayList<>();
            for (String k : keyCols) {
                key.add(r.getAs(k));
            }
            Statement<?> done = null;
            if (!key.equals(currentKey)) {
                done = finish();
                currentKey = key;
                keyRow = r;
                batch = BatchStatement.builder(BatchType.UNLOGGED);
                ranks = 0;
            }
            if (!r.isNullAt(r.fieldIndex("rank"))) {
                batch.addStatement(bind(insert, meta, rowCols, r));
                ranks++;
                written.add(1);
            }
            return done;
        }

        Statement<?> finish() {
            if (currentKey == null) {
                return null;
            }
            BoundStatement del = bind(delete, meta, keyCols, keyRow);
            del = del.setInt(keyCols.length, ranks);
            batch.addStatement(del);
            BatchStatement b = batch.build();
            currentKey = null;
            return b;
        }
    }

    /** Names the Spark jobs of one write after it ("upsert class_stats"). */
    private static long described(Dataset<Row> rows, String what, java.util.function.LongSupplier write) {
        return com.rides.spark.JobNames.named(rows.sparkSession().sparkContext(), what, write::getAsLong);
    }

    private static Iterator<Row> counting(Iterator<Row> rows, LongAccumulator n) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public Row next() {
                n.add(1);
                return rows.next();
            }
        };
    }

    static BoundStatement bind(PreparedStatement ps, TableMetadata meta, String[] cols, Row r) {
        Object[] values = new Object[cols.length];
        for (int i = 0; i < cols.length; i++) {
            DataType type = meta.getColumn(CqlIdentifier.fromInternal(cols[i])).orElseThrow().getType();
            values[i] = CqlValues.convert(r.getAs(cols[i]), type);
        }
        // Bind the key values only; a statement with extra markers (rank > ?) is completed by the caller.
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

    private static org.apache.spark.sql.Column[] concat(String[] a, String b) {
        List<org.apache.spark.sql.Column> out = new ArrayList<>();
        for (String s : a) {
            out.add(functions.col(s));
        }
        out.add(functions.col(b));
        return out.toArray(new org.apache.spark.sql.Column[0]);
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
            // Every delete and list swap is idempotent: a statement in flight to a node that
            // dies may then be retried on another replica instead of failing the task.
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
