-- A rider's weekly trend: one row per ISO week (Monday start) in which the rider
-- rode, with rides, minutes, output, the week's best ride, and the change in output
-- against the rider's previous active week (weeks without rides have no row).
--
-- Parameters: :user_id (uuid)
-- Example:    scripts/rides adhoc --sql sql/adhoc/rider_weekly_trend.sql \
--                 --param user_id=6f1c2a9e-0000-4000-8000-000000000001
-- Reads:      user_period_stats, one partition ((user_id, 'week')).
-- The window is partitioned by user_id although there is one rider: a window without
-- PARTITION BY makes Spark warn that it moves all rows to a single partition.
SELECT period_start                                         AS week_start,
       workouts,
       total_duration_s / 60                                AS minutes,
       total_output_kj,
       total_output_kj / workouts                           AS avg_output_kj,
       best_total_output_kj,
       distance_km,
       total_output_kj - lag(total_output_kj) OVER (PARTITION BY user_id ORDER BY period_start) AS output_change_kj
FROM user_period_stats
WHERE user_id = :user_id
  AND period = 'week'
ORDER BY week_start
