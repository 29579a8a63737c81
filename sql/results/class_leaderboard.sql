-- A class's all-time top :list_size riders by their best single ride on it.
-- Input views `leaderboard_candidates`: (class_id, user_id, workout_id,
-- total_output_kj, started_at), one row per ride that may count; `riders`
-- (user_id, username) of those riders.
-- A rider's best ride and the ranking break ties the same way: earlier
-- started_at, then smaller workout_id.
WITH best_per_rider AS (
    SELECT * FROM (
        SELECT *,
               row_number() OVER (PARTITION BY class_id, user_id
                                  ORDER BY total_output_kj DESC, started_at ASC, lower(workout_id) ASC) AS nth
        FROM leaderboard_candidates
        WHERE user_id IS NOT NULL
    ) r
    WHERE nth = 1
)
SELECT b.class_id, b.rank, b.user_id, u.username, b.workout_id, b.total_output_kj, b.started_at
FROM (
    SELECT *,
           CAST(row_number() OVER (PARTITION BY class_id
                                   ORDER BY total_output_kj DESC, started_at ASC, lower(workout_id) ASC) AS INT) AS rank
    FROM best_per_rider
) b
LEFT JOIN riders u ON u.user_id = b.user_id
WHERE b.rank <= :list_size
