-- The naive nightly: what an analyst would write without the project's design.
-- It recomputes everything from a FULL SCAN of the raw tables every night:
-- per-second samples -> per-ride metrics with window functions and GROUP BY,
-- then the rankings (each rider's top 10 by output, every class's leaderboard)
-- and the riders' day totals. scripts/bench times it against `nightly`.
--
-- Input views (whole raw tables, registered by com.rides.bench.NaiveJob):
--   samples, workouts, riders, classes
-- Parameter: ${through} = the last day (YYYY-MM-DD) taken into account.
--
-- Same definitions as CONTRACT section 3 for what it computes: invalid fields are
-- missing; a missing second counts as 0 W (the RANGE frames below see the gap, so
-- best_Ns is exact); rides without valid power, without a rider or with an unknown
-- class are left out. Approximations: normalized power averages the 30 s rolling
-- means over the seconds present (the contract averages over every second, gaps
-- as 0), and the FTP-based figures (IF, TSS), ratings, class stats and trending are
-- left out. It still does less work than nightly, never more.

-- 1. Valid fields of every kept sample row.
CREATE OR REPLACE TEMP VIEW naive_samples AS
SELECT workout_id,
       offset_s,
       CASE WHEN output_w BETWEEN 0 AND 3000 THEN output_w END                           AS power_w,
       CASE WHEN cadence_rpm BETWEEN 1 AND 250 THEN cadence_rpm END                      AS cadence_rpm,
       CASE WHEN resistance_pct BETWEEN 0 AND 100 THEN resistance_pct END                AS resistance_pct,
       CASE WHEN heart_rate_bpm BETWEEN 30 AND 240 THEN heart_rate_bpm END               AS heart_rate_bpm,
       CASE WHEN speed_kph BETWEEN 0 AND 120 AND NOT isnan(speed_kph) THEN speed_kph END AS speed_kph
FROM samples
WHERE offset_s BETWEEN 0 AND 86399;

-- 2. Rolling windows over each ride's seconds (missing seconds add 0).
CREATE OR REPLACE TEMP VIEW naive_windows AS
SELECT s.*,
       SUM(COALESCE(power_w, 0)) OVER (PARTITION BY workout_id ORDER BY offset_s
                                       RANGE BETWEEN 29 PRECEDING AND CURRENT ROW) / 30.0   AS mean_30s,
       SUM(COALESCE(power_w, 0)) OVER (PARTITION BY workout_id ORDER BY offset_s
                                       RANGE BETWEEN 59 PRECEDING AND CURRENT ROW) / 60.0   AS mean_60s,
       SUM(COALESCE(power_w, 0)) OVER (PARTITION BY workout_id ORDER BY offset_s
                                       RANGE BETWEEN 299 PRECEDING AND CURRENT ROW) / 300.0 AS mean_300s,
       SUM(COALESCE(power_w, 0)) OVER (PARTITION BY workout_id ORDER BY offset_s
                                       RANGE BETWEEN 1199 PRECEDING AND CURRENT ROW) / 1200.0 AS mean_1200s
FROM naive_samples s;

-- 3. One row per ride.
CREATE OR REPLACE TEMP VIEW naive_ride_metrics AS
SELECT workout_id,
       MAX(offset_s) + 1                                             AS duration_s,
       SUM(COALESCE(power_w, 0)) / 1000.0                            AS total_output_kj,
       SUM(COALESCE(power_w, 0)) / (MAX(offset_s) + 1)               AS avg_output_w,
       MAX(power_w)                                                  AS max_output_w,
       POWER(AVG(CASE WHEN offset_s >= 29 THEN POWER(mean_30s, 4) END), 0.25) AS normalized_power_w,
       MAX(CASE WHEN offset_s >= 59 THEN mean_60s END)               AS best_60s_w,
       MAX(CASE WHEN offset_s >= 299 THEN mean_300s END)             AS best_300s_w,
       MAX(CASE WHEN offset_s >= 1199 THEN mean_1200s END)           AS best_1200s_w,
       AVG(cadence_rpm)                                              AS avg_cadence_rpm,
       AVG(resistance_pct)                                           AS avg_resistance_pct,
       AVG(heart_rate_bpm)                                           AS avg_heart_rate_bpm,
       MAX(heart_rate_bpm)                                           AS max_heart_rate_bpm,
       COALESCE(SUM(speed_kph), 0) / 3600.0                          AS distance_km,
       COUNT(power_w)                                                AS valid_power_samples
FROM naive_windows
GROUP BY workout_id;

-- 4. Rides with their rider and class, up to the day.
CREATE OR REPLACE TEMP VIEW naive_rides AS
SELECT w.workout_id, w.user_id, w.class_id, w.started_at, w.day,
       c.title AS class_title, r.username,
       m.duration_s, m.total_output_kj, m.avg_output_w, m.max_output_w, m.normalized_power_w,
       m.best_60s_w, m.best_300s_w, m.best_1200s_w, m.avg_cadence_rpm, m.avg_resistance_pct,
       m.avg_heart_rate_bpm, m.max_heart_rate_bpm, m.distance_km,
       m.total_output_kj / (4.184 * 0.24) AS calories_kcal
FROM workouts w
JOIN naive_ride_metrics m ON m.workout_id = w.workout_id
JOIN classes c ON c.class_id = w.class_id
LEFT JOIN riders r ON r.user_id = w.user_id
WHERE w.day <= DATE '${through}'
  AND w.user_id IS NOT NULL
  AND m.valid_power_samples > 0;

-- 5. Each rider's all-time top 10 rides by total output.
CREATE OR REPLACE TEMP VIEW naive_top_rides AS
SELECT user_id, rank, workout_id, total_output_kj AS value, started_at, class_id, class_title
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY user_id
                                   ORDER BY total_output_kj DESC, started_at, CAST(workout_id AS STRING)) AS rank
      FROM naive_rides)
WHERE rank <= 10;

-- 6. Each class's leaderboard: the top 10 riders by their best ride on it.
CREATE OR REPLACE TEMP VIEW naive_leaderboard AS
WITH best AS (
    SELECT *, ROW_NUMBER() OVER (PARTITION BY class_id, user_id
                                 ORDER BY total_output_kj DESC, started_at, CAST(workout_id AS STRING)) AS nth
    FROM naive_rides
)
SELECT class_id, rank, user_id, username, workout_id, total_output_kj, started_at
FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY class_id
                                   ORDER BY total_output_kj DESC, started_at, CAST(workout_id AS STRING)) AS rank
      FROM best WHERE nth = 1)
WHERE rank <= 10;

-- 7. Each rider's totals per day.
CREATE OR REPLACE TEMP VIEW naive_rider_days AS
SELECT user_id, day AS period_start, COUNT(*) AS workouts, SUM(duration_s) AS total_duration_s,
       SUM(total_output_kj) AS total_output_kj, SUM(distance_km) AS distance_km,
       SUM(calories_kcal) AS calories_kcal, MAX(total_output_kj) AS best_total_output_kj
FROM naive_rides
GROUP BY user_id, day;
