-- "What was kept out, and why?" The run's verdicts on its days' workouts and
-- ratings. Input views `rides` (per-ride rows, reason null when kept) and
-- `ratings` (validated ratings, reason null when valid); parameter :run_id.
SELECT day, 'workout' AS kind, workout_id AS id, reason, detail, :run_id AS job_run_id
FROM rides
WHERE reason IS NOT NULL
UNION ALL
SELECT day, 'rating' AS kind, quarantine_id AS id, reason, detail, :run_id AS job_run_id
FROM ratings
WHERE reason IS NOT NULL
