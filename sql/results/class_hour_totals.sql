-- Rides started in each hour, per class, of each day: the per-day contribution
-- that trending_now adds up over its windows. Input view `workouts` (day,
-- user_id, class_id, started_at, class_known): every workouts row of the days,
-- class_known true when its class is in `classes`. A row counts when it has a
-- rider and a known class; its samples play no part, so a ride still in
-- progress, or one quarantined for no_samples or no_valid_power, counts.
SELECT day, date_trunc('HOUR', started_at) AS hour, class_id, count(*) AS workouts
FROM workouts
WHERE user_id IS NOT NULL AND class_known AND started_at IS NOT NULL
GROUP BY day, date_trunc('HOUR', started_at), class_id
