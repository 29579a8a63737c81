-- Every kept ride of a rider (working state): the source of user_streaks and
-- user_milestones, read back by rider for the riders a nightly touches.
-- Input view `rides`: per-ride rows (the ride pass's columns).
SELECT user_id, started_at, workout_id, day, total_output_kj
FROM rides
WHERE user_id IS NOT NULL
