-- A class's top :list_size riders of each ISO week and month, by their best
-- single ride on it whose day falls in the period: class_leaderboard's rules
-- within each period.
-- Input views `period_candidates`: (class_id, period, period_start, user_id,
-- workout_id, total_output_kj, started_at), one row per ride that may count;
-- `riders` (user_id, username) of those riders.
-- A rider's best ride and the ranking break ties the same way: earlier
-- started_at, then smaller workout_id.
WITH best_per_rider AS (
    SELECT * FROM (
        SELECT *,
               row_number() OVER (PARTITION BY class_id, period, period_start, user_id
                                  ORDER BY total_output_kj DESC, started_at ASC, lower(workout_id) ASC) AS nth
        FROM period_candidates
        WHERE user_id IS NOT NULL
    ) r
    WHERE nth = 1
)
SELECT b.class_id, b.period, b.period_start, b.rank, b.user_id, u.username, b.workout_id, b.total_output_kj,
       b.started_at
FROM (
    SELECT *,
           CAST(row_number() OVER (PARTITION BY class_id, period, period_start
                                   ORDER BY total_output_kj DESC, started_at ASC, lower(workout_id) ASC) AS INT) AS rank
    FROM best_per_rider
) b
LEFT JOIN riders u ON u.user_id = b.user_id
WHERE b.rank <= :list_size
