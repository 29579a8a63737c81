-- A rider's rides since a day, newest first, with the class and the main metrics.
--
-- Parameters: :user_id (uuid), :since (date, UTC; rides started on or after it)
-- Example:    scripts/rides adhoc --sql sql/adhoc/rider_recent_rides.sql \
--                 --param user_id=6f1c2a9e-0000-4000-8000-000000000001 --param since=2026-11-01
-- Reads:      user_workout_history, one partition (user_id), from :since on
--             (started_at is its clustering column, so the range goes to Cassandra too).
SELECT started_at,
       workout_id,
       class_title,
       instructor,
       duration_s / 60      AS minutes,
       total_output_kj,
       avg_output_w,
       best_1200s_w,
       tss
FROM user_workout_history
WHERE user_id = :user_id
  AND started_at >= CAST(:since AS TIMESTAMP)
ORDER BY started_at DESC, workout_id
