package com.rides.adhoc;

import com.datastax.spark.connector.datasource.CassandraInJoin;
import com.datastax.spark.connector.datasource.CassandraScan;
import com.datastax.spark.connector.rdd.CqlWhereClause;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.cassandra.execution.CassandraDirectJoinExec;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.sources.In;
import scala.collection.JavaConverters;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How a query reads Cassandra, from its physical plan: for every table it touches,
 * whether the read is restricted to partitions (a partition-key predicate pushed to
 * Cassandra, or a join by key) or is a full scan, and the CQL predicates sent.
 */
public final class ScanReport {

    public enum Access {
        PARTITION_KEY("by partition key"), KEY_JOIN("by key (direct join)"), IN_JOIN("by key (IN list as join)"),
        FULL_SCAN("FULL SCAN");

        private final String label;

        Access(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One Cassandra read of the plan. */
    public record Read(String table, Access access, String cql) {
        @Override
        public String toString() {
            return table + ": " + access.label() + (cql.isEmpty() ? "" : " [" + cql + "]");
        }
    }

    private ScanReport() {
    }

    public static List<Read> of(Dataset<Row> df) {
        List<Read> reads = new ArrayList<>();
        walk(df.queryExecution().executedPlan(), reads);
        return reads;
    }

    private static void walk(SparkPlan plan, List<Read> reads) {
        if (plan instanceof AdaptiveSparkPlanExec adaptive) {
            walk(adaptive.executedPlan(), reads);
            return;
        }
        if (plan instanceof QueryStageExec stage) {
            walk(stage.plan(), reads);
            return;
        }
        if (plan instanceof CassandraDirectJoinExec join) {
            reads.add(new Read(join.keyspace() + "." + join.table(), Access.KEY_JOIN,
                    "join on " + JavaConverters.seqAsJavaList(join.primaryKeys()).stream()
                            .map(k -> "\"" + k + "\"").collect(Collectors.joining(", "))
                            + where(join.whereClause(), " and ")));
        } else if (plan instanceof BatchScanExec scan && scan.scan() instanceof CassandraScan cs) {
            List<String> key = DayBucketPushdown.partitionKey(cs.tableDef());
            CqlWhereClause where = cs.cqlQueryParts().whereClause();
            List<String> predicates = JavaConverters.seqAsJavaList(where.predicates());
            boolean byKey = key.stream().allMatch(k -> predicates.stream().anyMatch(p ->
                    p.startsWith("\"" + k + "\" = ") || p.startsWith("\"" + k + "\" IN ")));
            reads.add(new Read(name(cs.tableDef()), byKey ? Access.PARTITION_KEY : Access.FULL_SCAN,
                    where(where, "")));
        } else if (plan instanceof BatchScanExec scan && scan.scan() instanceof CassandraInJoin in) {
            reads.add(new Read(name(in.tableDef()), Access.IN_JOIN,
                    JavaConverters.seqAsJavaList(in.inClauses()).stream().map(ScanReport::in)
                            .collect(Collectors.joining(" AND "))));
        }
        for (SparkPlan child : JavaConverters.seqAsJavaList(plan.children())) {
            walk(child, reads);
        }
        for (SparkPlan sub : JavaConverters.seqAsJavaList(plan.subqueries())) {
            walk(sub, reads);
        }
    }

    private static String name(com.datastax.spark.connector.cql.TableDef t) {
        return t.keyspaceName() + "." + t.tableName();
    }

    private static String in(In in) {
        return "\"" + in.attribute() + "\" IN " + Arrays.stream(in.values()).map(String::valueOf)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    /** The CQL predicates with their values in place of the markers. */
    static String where(CqlWhereClause where, String prefix) {
        List<String> predicates = JavaConverters.seqAsJavaList(where.predicates());
        if (predicates.isEmpty()) {
            return "";
        }
        Iterator<Object> values = JavaConverters.seqAsJavaList(where.values()).iterator();
        List<String> out = new ArrayList<>();
        for (String p : predicates) {
            StringBuilder s = new StringBuilder();
            for (char c : p.toCharArray()) {
                s.append(c == '?' && values.hasNext() ? String.valueOf(values.next()) : String.valueOf(c));
            }
            out.add(s.toString());
        }
        return prefix + String.join(" AND ", out);
    }
}
