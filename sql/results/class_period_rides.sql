-- Every kept ride of a class under the week (ISO, starting Monday) and the
-- month of its day (working state): the candidates of class_period_leaderboard,
-- and the source a period's board is recomputed from when a ride on it loses
-- value or is quarantined.
-- Input view `rides`: per-ride rows (the ride pass's columns).
SELECT r.class_id, p.period, p.period_start, r.user_id, r.workout_id, r.total_output_kj, r.started_at
FROM rides r
LATERAL VIEW stack(2, 'week',  CAST(date_trunc('week', r.day) AS DATE),
                      'month', trunc(r.day, 'MM')) p AS period, period_start
WHERE r.user_id IS NOT NULL AND r.class_id IS NOT NULL
