package com.rides.bench;

import com.rides.merge.SqlFiles;
import com.rides.raw.CassandraTables;
import com.rides.spark.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive job an analyst would write: sql/bench/naive_nightly.sql over full scans
 * of the raw tables. The per-ride view is cached once (an analyst would), and every
 * result is computed in full (written to Spark's no-op sink, so no column is pruned
 * away and no write cost is added).
 */
final class NaiveJob {

    static final String SQL = "sql/bench/naive_nightly.sql";
    static final List<String> RAW_VIEWS = List.of("samples", "workouts", "riders", "classes");
    static final List<String> RESULTS = List.of("naive_top_rides", "naive_leaderboard", "naive_rider_days");

    /** Rows of each result. */
    record Result(long rides, long topRides, long leaderboardRows, long riderDays) {
    }

    private NaiveJob() {
    }

    static Result run(CassandraTables t, LocalDate through) {
        SparkSession spark = t.spark();
        // An analyst's session has Spark's defaults: code generation on, which a full scan
        // with window functions wants (the jobs turn it off for their many small plans).
        Map<String, String> jobSettings = new HashMap<>();
        for (String key : SparkSessions.CODEGEN_OFF.keySet()) {
            jobSettings.put(key, spark.conf().get(key, null));
            spark.conf().unset(key);
        }
        try {
            return runWithDefaults(spark, t, through);
        } finally {
            jobSettings.forEach((key, value) -> {
                if (value != null) {
                    spark.conf().set(key, value);
                }
            });
        }
    }

    private static Result runWithDefaults(SparkSession spark, CassandraTables t, LocalDate through) {
        for (String table : RAW_VIEWS) {
            t.raw(table).createOrReplaceTempView(table);
        }
        for (String statement : statements(SqlFiles.text(SQL).replace("${through}", through.toString()))) {
            spark.sql(statement);
        }
        Dataset<Row> rides = spark.table("naive_rides").persist(StorageLevel.MEMORY_AND_DISK());
        try {
            long rideCount = rides.count(); // computes and caches every column of every ride
            long[] rows = new long[RESULTS.size()];
            for (int i = 0; i < RESULTS.size(); i++) {
                Dataset<Row> result = spark.table(RESULTS.get(i)).persist(StorageLevel.MEMORY_ONLY());
                result.write().format("noop").mode("overwrite").save();
                rows[i] = result.count();
                result.unpersist();
            }
            return new Result(rideCount, rows[0], rows[1], rows[2]);
        } finally {
            rides.unpersist();
            for (String view : RAW_VIEWS) {
                spark.catalog().dropTempView(view);
            }
        }
    }

    /** The file's statements: comment lines removed, split at semicolons. */
    static List<String> statements(String sql) {
        StringBuilder code = new StringBuilder();
        for (String line : sql.split("\n")) {
            if (!line.strip().startsWith("--")) {
                code.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : code.toString().split(";")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
