-- A leaderboard's top :list_size riders by their best single ride on it: a
-- class's of all time (class_leaderboard) and of each ISO week and month
-- (class_period_leaderboard) alike.
-- Input views `leaderboard_candidates`: one row per ride that may count, with
-- `board` (the leaderboard it counts on: its key columns as one struct, e.g.
-- the class, or the class, period and period start), those key columns,
-- user_id, workout_id, total_output_kj and started_at; `riders`
-- (user_id, username) of those riders.
-- A rider's best ride and the ranking break ties the same way: earlier
-- started_at, then smaller workout_id.
WITH best_per_rider AS (
    SELECT * FROM (
        SELECT *,
               row_number() OVER (PARTITION BY board, user_id
                                  ORDER BY total_output_kj DESC, started_at ASC, lower(workout_id) ASC) AS nth
        FROM leaderboard_candidates
        WHERE user_id IS NOT NULL
    ) r
    WHERE nth = 1
)
SELECT b.*, u.username
FROM (
    SELECT *,
           CAST(row_number() OVER (PARTITION BY board
                                   ORDER BY total_output_kj DESC, started_at ASC, lower(workout_id) ASC) AS INT) AS rank
    FROM best_per_rider
) b
LEFT JOIN riders u ON u.user_id = b.user_id
WHERE b.rank <= :list_size
