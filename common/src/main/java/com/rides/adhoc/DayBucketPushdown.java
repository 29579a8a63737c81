package com.rides.adhoc;

import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.spark.connector.cql.ColumnDef;
import com.datastax.spark.connector.cql.TableDef;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.cassandra.AnalyzedPredicates;
import org.apache.spark.sql.cassandra.BasicCassandraPredicatePushDown;
import org.apache.spark.sql.cassandra.CassandraPredicateRules;
import org.apache.spark.sql.cassandra.PredicateOps;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import scala.collection.JavaConverters;
import scala.collection.Seq;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A pushdown rule for the connector (spark.cassandra.sql.pushdown.additionalClasses)
 * that lets analysts ask for days without naming buckets. In the tables keyed by
 * {@code ((day, bucket), ...)} (workouts, ratings) a restriction on {@code day} alone
 * is not a partition key, so the connector would scan the table and filter in
 * Spark. The contract fixes {@code 0 <= bucket < B}, so "day = D" means exactly the B
 * partitions (D, 0) .. (D, B-1): this rule adds {@code bucket IN (0 .. B-1)} and lets
 * the connector's own rules push both to Cassandra. It applies to {@code day = D},
 * {@code day IN (...)} and a range bounded on both sides of at most {@link #MAX_DAYS}
 * days (turned into the list of its days; the range itself is still checked by
 * Spark). B comes from the view's option {@value #BUCKETS_OPTION}; a table without
 * that option, another key, or any predicate on bucket is left as it is.
 */
public final class DayBucketPushdown implements CassandraPredicateRules, Serializable {

    public static final String BUCKETS_OPTION = "rides.adhoc.buckets";
    public static final int MAX_DAYS = 92;
    static final String DAY = "day";
    static final String BUCKET = "bucket";

    @Override
    public AnalyzedPredicates apply(AnalyzedPredicates predicates, TableDef table, SparkConf conf) {
        if (!partitionKey(table).equals(List.of(DAY, BUCKET)) || !conf.contains(BUCKETS_OPTION)) {
            return predicates;
        }
        Set<Filter> all = new HashSet<>(JavaConverters.setAsJavaSet(predicates.handledByCassandra()));
        all.addAll(JavaConverters.setAsJavaSet(predicates.handledBySpark()));
        if (all.stream().anyMatch(f -> references(f, BUCKET))
                || JavaConverters.setAsJavaSet(predicates.handledByCassandra()).stream().anyMatch(f -> references(f, DAY))) {
            return predicates;
        }
        Filter days = dayRestriction(all);
        if (days == null) {
            return predicates;
        }
        int buckets = Integer.parseInt(conf.get(BUCKETS_OPTION).trim());
        Object[] bucketValues = new Object[buckets];
        for (int b = 0; b < buckets; b++) {
            bucketValues[b] = b;
        }
        Filter bucketIn = new In(BUCKET, bucketValues);
        Set<Filter> extended = new HashSet<>(all);
        extended.add(days);
        extended.add(bucketIn);
        BasicCassandraPredicatePushDown<Filter> rules = new BasicCassandraPredicatePushDown<>(
                JavaConverters.asScalaSet(extended).toSet(), table, DefaultProtocolVersion.V4,
                PredicateOps.FilterOps$.MODULE$);
        Set<Filter> pushed = JavaConverters.setAsJavaSet(rules.predicatesToPushDown());
        if (!pushed.contains(bucketIn) || !pushed.contains(days)) {
            return predicates;
        }
        return new AnalyzedPredicates(rules.predicatesToPushDown(), rules.predicatesToPreserve());
    }

    /** day = D or day IN (...) as given, or a bounded range of dates as day IN (its days); else null. */
    static Filter dayRestriction(Set<Filter> filters) {
        LocalDate from = null;
        LocalDate to = null;
        boolean sqlDates = true;
        for (Filter f : filters) {
            if (f instanceof EqualTo eq && eq.attribute().equals(DAY)) {
                return eq;
            }
            if (f instanceof In in && in.attribute().equals(DAY)) {
                return in;
            }
            LocalDate d = null;
            if (f instanceof GreaterThanOrEqual g && g.attribute().equals(DAY)) {
                d = date(g.value());
                from = later(from, d);
            } else if (f instanceof GreaterThan g && g.attribute().equals(DAY)) {
                d = date(g.value());
                from = later(from, d == null ? null : d.plusDays(1));
            } else if (f instanceof LessThanOrEqual l && l.attribute().equals(DAY)) {
                d = date(l.value());
                to = earlier(to, d);
            } else if (f instanceof LessThan l && l.attribute().equals(DAY)) {
                d = date(l.value());
                to = earlier(to, d == null ? null : d.minusDays(1));
            }
            if (d != null) {
                sqlDates = valueOf(f) instanceof java.sql.Date;
            }
        }
        if (from == null || to == null || to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to.plusDays(1))) {
            return null;
        }
        List<Object> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(sqlDates ? java.sql.Date.valueOf(d) : d);
        }
        return new In(DAY, days.toArray());
    }

    private static Object valueOf(Filter f) {
        if (f instanceof GreaterThanOrEqual g) return g.value();
        if (f instanceof GreaterThan g) return g.value();
        if (f instanceof LessThanOrEqual l) return l.value();
        if (f instanceof LessThan l) return l.value();
        return null;
    }

    private static LocalDate date(Object value) {
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        return value instanceof LocalDate d ? d : null;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isBefore(a)) ? b : a;
    }

    private static boolean references(Filter f, String column) {
        return List.of(f.references()).contains(column);
    }

    static List<String> partitionKey(TableDef table) {
        Seq<ColumnDef> key = table.partitionKey();
        return JavaConverters.seqAsJavaList(key).stream().map(ColumnDef::columnName).toList();
    }
}
