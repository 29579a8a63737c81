-- All-time rides and mean output per class. Input view `class_days`:
-- rows of class_day_totals.
SELECT class_id,
       sum(workouts)                          AS workouts,
       sum(total_output_kj) / sum(workouts)   AS avg_total_output_kj
FROM class_days
GROUP BY class_id
HAVING sum(workouts) > 0
