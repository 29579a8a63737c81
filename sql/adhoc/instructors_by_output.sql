-- Instructors by the average output of their riders: over all the instructor's
-- classes (all time), the mean total output per ride (weighted by rides), the rides,
-- and the average counting rating (weighted by ratings).
--
-- Parameters: :min_rides (int; instructors with fewer rides are left out)
-- Example:    scripts/rides adhoc --sql sql/adhoc/instructors_by_output.sql --param min_rides=20
-- Reads:      class_stats, whole (one small row per class; no key to narrow it by).
SELECT instructor,
       count(*)                                                        AS classes,
       sum(workouts)                                                   AS rides,
       sum(avg_total_output_kj * workouts) / sum(workouts)             AS avg_output_kj,
       sum(avg_rating * rating_count) / nullif(sum(rating_count), 0)   AS avg_rating,
       sum(rating_count)                                               AS ratings
FROM class_stats
WHERE workouts > 0
GROUP BY instructor
HAVING sum(workouts) >= :min_rides
ORDER BY avg_output_kj DESC, instructor
