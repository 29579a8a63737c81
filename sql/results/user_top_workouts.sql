-- A rider's all-time top :list_size rides per metric ("personal records").
-- Input view `top_candidates`: (user_id, metric, workout_id, value, started_at,
-- class_id, class_title), at most one row per (user_id, metric, workout_id).
-- Ties: earlier started_at, then smaller workout_id (as lower-case text).
SELECT user_id, metric, rank, workout_id, value, started_at, class_id, class_title
FROM (
    SELECT *,
           CAST(row_number() OVER (PARTITION BY user_id, metric
                                   ORDER BY value DESC, started_at ASC, lower(workout_id) ASC) AS INT) AS rank
    FROM top_candidates
    WHERE value IS NOT NULL
) ranked
WHERE rank <= :list_size
