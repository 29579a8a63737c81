package com.rides.jobs;

import com.datastax.oss.driver.api.core.CqlSession;
import com.rides.config.RidesConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes hand-made raw rows for tests, as the ingest service would. */
final class RawRows {

    private final CqlSession session;
    private final String ks;

    RawRows(CqlSession session, RidesConfig config) {
        this.session = session;
        this.ks = config.rawKeyspace();
    }

    static UUID id(String hexSuffix) {
        return UUID.fromString("00000000-0000-4000-8000-" + "0".repeat(12 - hexSuffix.length()) + hexSuffix);
    }

    RawRows rider(UUID user, String name, Integer ftp) {
        session.execute("INSERT INTO " + ks + ".riders (user_id, username, ftp_w, max_heart_rate_bpm, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", user, name, ftp, 190, Instant.parse("2026-01-01T00:00:00Z"));
        return this;
    }

    RawRows clazz(UUID classId, String title, String instructor) {
        session.execute("INSERT INTO " + ks + ".classes (class_id, title, instructor, discipline, duration_s, aired_at)"
                + " VALUES (?, ?, ?, ?, ?, ?)", classId, title, instructor, "climb", 1200,
                Instant.parse("2026-01-01T00:00:00Z"));
        return this;
    }

    RawRows workout(UUID workout, UUID user, UUID classId, String startedAt, int bucket) {
        Instant start = Instant.parse(startedAt);
        session.execute("INSERT INTO " + ks + ".workouts (day, bucket, workout_id, user_id, class_id, started_at, device)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", day(start), bucket, workout, user, classId, start, "bike");
        return this;
    }

    /** Seconds [from, to) at a constant output, cadence 80, resistance 40, heart rate 120, 36 km/h. */
    RawRows steady(UUID workout, int from, int to, Integer outputW) {
        for (int t = from; t < to; t++) {
            sample(workout, t, 80, 40, outputW, 120, 36.0f);
        }
        return this;
    }

    RawRows sample(UUID workout, int offset, Integer cadence, Integer resistance, Integer output, Integer heart,
                   Float speed) {
        session.execute("INSERT INTO " + ks + ".samples (workout_id, offset_s, cadence_rpm, resistance_pct, output_w,"
                + " heart_rate_bpm, speed_kph) VALUES (?, ?, ?, ?, ?, ?, ?)", workout, offset, cadence, resistance,
                output, heart, speed);
        return this;
    }

    RawRows rating(UUID user, UUID classId, UUID workout, int rating, Integer difficulty, String ratedAt, int bucket) {
        Instant at = Instant.parse(ratedAt);
        session.execute("INSERT INTO " + ks + ".ratings (day, bucket, user_id, class_id, workout_id, rating, difficulty,"
                + " rated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", day(at), bucket, user, classId, workout, rating,
                difficulty, at);
        return this;
    }

    static LocalDate day(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }
}
