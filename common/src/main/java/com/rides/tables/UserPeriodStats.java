package com.rides.tables;

import com.rides.merge.DayContributions;
import com.rides.merge.RunScope;
import com.rides.merge.TableDefinition;
import com.rides.merge.Writes;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.sql.Date;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeSet;

import static com.rides.raw.CassandraTables.seq;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trunc;

/**
 * user_period_stats: a rider's day rows are the per-day contributions
 * (sql/results/user_day_stats.sql); a week or month row is the sum of its day rows
 * (sql/results/user_period_stats.sql), stored ones of other days and the run's own.
 */
final class UserPeriodStats implements TableDefinition {

    @Override
    public void write(RunScope run, Writes out) {
        Dataset<Row> days = run.sql("user_day_stats.sql", Map.of("rides", run.kept()));
        // Every (rider, day) the run covers, kept ride or not: a day whose rides were all
        // quarantined loses its row.
        Dataset<Row> riderDays = run.rides().where(col("user_id").isNotNull())
                .select(col("user_id"), lit("day").as("period"), col("day").as("period_start")).distinct();
        Dataset<Row> periods = riderDays.select(col("user_id"), lit("week").as("period"),
                        date_trunc("week", col("period_start")).cast("date").as("period_start"))
                .union(riderDays.select(col("user_id"), lit("month").as("period"),
                        trunc(col("period_start"), "MM").as("period_start")))
                .distinct();
        // The stored day rows of the weeks and months that contain a run's day. The 'day'
        // key comes from explode, not a literal: a constant key column is folded into a
        // filter, the join is left on user_id alone, and a join on part of the partition
        // key is a full scan, not the connector's direct join.
        Dataset<Row> riders = riderDays.select("user_id").distinct()
                .select(col("user_id"), explode(array(lit("day"))).as("period"));
        Dataset<Row> stored = run.stored(periodsOf(run, run.tables().stats("user_period_stats")), riders,
                "user_id", "period");
        Dataset<Row> rolled = run.sql("user_period_stats.sql",
                        Map.of("user_days", DayContributions.merged(run, stored, "period_start", days)))
                .join(run.small(periods), seq("user_id", "period", "period_start"), "left_semi");
        out.replace("user_period_stats", riderDays.unionByName(periods), days.unionByName(rolled));
    }

    /** The rows of the weeks and months that contain one of the run's days (a filter the key queries carry). */
    private static Dataset<Row> periodsOf(RunScope run, Dataset<Row> table) {
        TreeSet<LocalDate> covered = run.days();
        if (covered.isEmpty()) {
            return table;
        }
        LocalDate from = earlier(covered.first().with(DayOfWeek.MONDAY), covered.first().withDayOfMonth(1));
        LocalDate to = later(covered.last().with(DayOfWeek.SUNDAY),
                covered.last().with(TemporalAdjusters.lastDayOfMonth()));
        return table.where(col("period_start").between(Date.valueOf(from), Date.valueOf(to)));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
