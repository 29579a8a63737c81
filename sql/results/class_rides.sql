-- Every ride of a class (working state): the source a class leaderboard is
-- recomputed from when a ride on it loses value or is quarantined.
-- Input view `rides`: per-ride rows (the ride pass's columns).
SELECT class_id, user_id, workout_id, total_output_kj, started_at
FROM rides
WHERE user_id IS NOT NULL AND class_id IS NOT NULL
