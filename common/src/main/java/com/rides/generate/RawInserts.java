package com.rides.generate;

import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.rides.RidesException;

import java.util.UUID;

/**
 * The prepared INSERTs of the raw tables and how rows bind to them. Every insert
 * is idempotent (the keys come from the seed, so writing again writes the same
 * cells), which lets the driver retry them safely. Nulls are bound as nulls, not
 * left unset: a second run over the same keys then replaces every cell instead of
 * keeping a value that the new row does not have.
 */
final class RawInserts {

    private final PreparedStatement rider;
    private final PreparedStatement rideClass;
    private final PreparedStatement workout;
    private final PreparedStatement sample;
    private final PreparedStatement rating;

    private RawInserts(CqlSession session, String keyspace) {
        String ks = CqlIdentifier.fromInternal(keyspace).asCql(true);
        rider = prepare(session, ks, "riders",
                "user_id, username, ftp_w, max_heart_rate_bpm, created_at");
        rideClass = prepare(session, ks, "classes",
                "class_id, title, instructor, discipline, duration_s, aired_at");
        workout = prepare(session, ks, "workouts",
                "day, bucket, workout_id, user_id, class_id, started_at, device");
        sample = prepare(session, ks, "samples",
                "workout_id, offset_s, cadence_rpm, resistance_pct, output_w, heart_rate_bpm, speed_kph");
        rating = prepare(session, ks, "ratings",
                "day, bucket, user_id, class_id, workout_id, rating, difficulty, rated_at");
    }

    /** Prepares the inserts; fails with a one-line reason when a table is missing or different. */
    static RawInserts prepare(CqlSession session, String keyspace) {
        return new RawInserts(session, keyspace);
    }

    BoundStatement rider(Rider r) {
        return rider.bind(r.userId(), r.username(), r.ftpW(), r.maxHeartRateBpm(), r.createdAt());
    }

    BoundStatement rideClass(RideClass c) {
        return rideClass.bind(c.classId(), c.title(), c.instructor(), c.discipline(), c.durationS(), c.airedAt());
    }

    BoundStatement workout(Workout w) {
        return workout.bind(w.day(), w.bucket(), w.workoutId(), w.userId(), w.classId(), w.startedAt(), w.device());
    }

    BoundStatement rating(Rating r) {
        return rating.bind(r.day(), r.bucket(), r.userId(), r.classId(), r.workoutId(), r.rating(), r.difficulty(),
                r.ratedAt());
    }

    /**
     * Sample rows {@code from} (inclusive) to {@code to} (exclusive) of one ride. All
     * rows share the partition key (workout_id), so an UNLOGGED batch of them is one
     * mutation on one replica set: the cheapest way to write them, with no batch log.
     */
    Statement<?> samples(UUID workoutId, RideSamples s, int from, int to) {
        if (to - from == 1) {
            return sampleRow(workoutId, s, from);
        }
        BatchStatementBuilder batch = BatchStatement.builder(DefaultBatchType.UNLOGGED);
        for (int i = from; i < to; i++) {
            batch.addStatement(sampleRow(workoutId, s, i));
        }
        return batch.setIdempotence(true).build();
    }

    private BoundStatement sampleRow(UUID workoutId, RideSamples s, int i) {
        return sample.bind(workoutId, s.offsetS(i), s.cadenceRpm(i), s.resistancePct(i), s.outputW(i),
                s.heartRateBpm(i), s.speedKph(i));
    }

    private static PreparedStatement prepare(CqlSession session, String ks, String table, String columns) {
        int n = columns.split(",").length;
        String cql = "INSERT INTO " + ks + "." + table + " (" + columns + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
        try {
            return session.prepare(SimpleStatement.newInstance(cql).setIdempotent(true));
        } catch (DriverException e) {
            throw new RidesException("cannot prepare the insert into " + ks + "." + table + ": "
                    + firstLine(e) + " (does the schema exist? run `rides schema`)", e);
        }
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
    }
}
