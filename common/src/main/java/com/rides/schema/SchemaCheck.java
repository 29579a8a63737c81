package com.rides.schema;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.rides.RidesException;
import com.rides.config.RidesConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fails a job early, in one line, when the tables it needs are not there. */
public final class SchemaCheck {

    public static final List<String> RAW_TABLES = List.of("riders", "classes", "workouts", "samples", "ratings");
    public static final List<String> RESULT_TABLES = List.of("workout_summary", "user_workout_history",
            "user_period_stats", "user_top_workouts", "class_leaderboard", "class_stats", "top_classes",
            "trending_classes", "user_streaks", "user_milestones", "class_period_leaderboard", "trending_now",
            "quarantine", "job_runs");
    public static final List<String> STATE_TABLES = List.of("class_day_totals", "day_class_totals", "class_hour_totals",
            "class_ratings", "class_rides", "rider_rides", "class_period_rides", "riders_seen", "classes_seen",
            "processed_days");
    /** Scheduled operation: the run lease and the data checks (sql/schema/04_operations.cql). */
    public static final List<String> OPERATION_TABLES = List.of("run_lease", "data_checks");

    private SchemaCheck() {
    }

    public static void requireAll(CqlSession session, RidesConfig config) {
        List<String> missing = new ArrayList<>();
        missing.addAll(missing(session, config.rawKeyspace(), RAW_TABLES));
        List<String> stats = new ArrayList<>(RESULT_TABLES);
        stats.addAll(STATE_TABLES);
        stats.addAll(OPERATION_TABLES);
        missing.addAll(missing(session, config.statsKeyspace(), stats));
        if (!missing.isEmpty()) {
            throw new RidesException("missing " + String.join(", ", missing.subList(0, Math.min(4, missing.size())))
                    + (missing.size() > 4 ? " and " + (missing.size() - 4) + " more" : "")
                    + ": run `scripts/rides schema` first");
        }
    }

    static List<String> missing(CqlSession session, String keyspace, List<String> tables) {
        Optional<KeyspaceMetadata> ks = session.refreshSchema().getKeyspace(CqlIdentifier.fromInternal(keyspace));
        if (ks.isEmpty()) {
            return List.of("keyspace " + keyspace);
        }
        List<String> out = new ArrayList<>();
        for (String t : tables) {
            if (ks.get().getTable(CqlIdentifier.fromInternal(t)).isEmpty()) {
                out.add("table " + keyspace + "." + t);
            }
        }
        return out;
    }
}
