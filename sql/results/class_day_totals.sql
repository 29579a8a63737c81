-- Rides and output of each class on each day: the per-day contribution that
-- class_stats and trending_classes add up. Input view `rides`.
SELECT class_id, day, count(*) AS workouts, sum(total_output_kj) AS total_output_kj
FROM rides
GROUP BY class_id, day
