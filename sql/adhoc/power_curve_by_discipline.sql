-- Power-curve percentiles by discipline: for the best 1-, 5- and 20-minute mean power
-- of the kept rides between two days, the 25th, 50th, 75th and 90th percentile per
-- class discipline (exact percentiles, linear between ranks). Rides too short for a
-- window take no part in it.
--
-- Parameters: :from, :to (dates, inclusive; at most 92 days apart)
-- Example:    scripts/rides adhoc --sql sql/adhoc/power_curve_by_discipline.sql \
--                 --param from=2026-11-01 --param to=2026-11-30
-- Reads:      workouts, the partitions (day, bucket) of the days; workout_summary and
--             classes by key (direct joins).
WITH rides AS (
    SELECT c.discipline, s.best_60s_w, s.best_300s_w, s.best_1200s_w
    FROM workouts w
    JOIN workout_summary s ON s.workout_id = w.workout_id
    JOIN classes c ON c.class_id = w.class_id
    WHERE w.day BETWEEN :from AND :to
),
curve AS (
    SELECT discipline, window_s, best_w
    FROM rides
    LATERAL VIEW stack(3, 60, best_60s_w, 300, best_300s_w, 1200, best_1200s_w) p AS window_s, best_w
    WHERE best_w IS NOT NULL
)
SELECT discipline,
       window_s,
       count(*)                  AS rides,
       percentile(best_w, 0.25)  AS p25_w,
       percentile(best_w, 0.50)  AS p50_w,
       percentile(best_w, 0.75)  AS p75_w,
       percentile(best_w, 0.90)  AS p90_w
FROM curve
GROUP BY discipline, window_s
ORDER BY discipline, window_s
