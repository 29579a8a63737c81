-- Every kept (non-quarantined) ride of one day, with its rider and class, by output.
--
-- Parameters: :day (date, UTC)
-- Example:    scripts/rides adhoc --sql sql/adhoc/day_rides.sql --param day=2026-11-20 --out day.csv
-- Reads:      workouts, the B partitions (day, 0 .. B-1) of the day; then workout_summary,
--             riders and classes by key (direct joins). Rides of unknown riders are kept.
SELECT w.started_at,
       w.workout_id,
       r.username,
       c.title              AS class_title,
       c.instructor,
       s.duration_s / 60    AS minutes,
       s.total_output_kj,
       s.avg_output_w,
       s.normalized_power_w,
       s.distance_km
FROM workouts w
JOIN workout_summary s ON s.workout_id = w.workout_id
JOIN classes c ON c.class_id = w.class_id
LEFT JOIN riders r ON r.user_id = w.user_id
WHERE w.day = :day
ORDER BY s.total_output_kj DESC, w.started_at, w.workout_id
