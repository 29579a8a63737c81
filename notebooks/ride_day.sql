-- The raw data of one day for the notebook ride_samples.ipynb: the day's kept rides with
-- their computed metrics, and the per-second samples of every ride of the day, as two CSV
-- files in the current folder (rides.csv, samples.csv). The notebook runs it as
--   scripts/rides sql -f notebooks/ride_day.sql --param day=2026-11-20
-- Parameters: :day (date, UTC)
-- Reads:      workouts, the B partitions (day, 0 .. B-1) of the day; then workout_summary,
--             classes and each ride's samples partition by key (direct joins). No scan.
\out rides.csv
SELECT w.workout_id,
       w.user_id,
       w.started_at,
       c.title              AS class_title,
       s.duration_s,
       s.total_output_kj,
       s.avg_output_w,
       s.max_output_w,
       s.normalized_power_w,
       s.best_60s_w,
       s.best_300s_w,
       s.best_1200s_w,
       s.avg_cadence_rpm,
       s.avg_heart_rate_bpm,
       s.max_heart_rate_bpm,
       s.distance_km
FROM workouts w
JOIN workout_summary s ON s.workout_id = w.workout_id
JOIN classes c ON c.class_id = w.class_id
WHERE w.day = :day;

-- Every sample as ingest wrote it, invalid values included: the notebook applies the
-- contract's ranges itself, to show what the metrics are computed from.
\out samples.csv
SELECT x.workout_id,
       x.offset_s,
       x.output_w,
       x.cadence_rpm,
       x.resistance_pct,
       x.heart_rate_bpm,
       x.speed_kph
FROM workouts w
JOIN samples x ON x.workout_id = w.workout_id
WHERE w.day = :day;
