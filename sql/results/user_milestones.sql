-- A rider's milestones: rides_N is the N-th kept ride, output_kj_N the ride at
-- which the running total of total_output_kj first reaches N, both in the tie
-- order (earlier started_at, then smaller workout_id). Only milestones reached.
-- Input views `rider_rides`: (user_id, started_at, workout_id, day,
-- total_output_kj), every kept ride of each rider wanted; `milestones`:
-- (milestone, kind 'rides' or 'output_kj', threshold).
WITH ordered AS (
    SELECT user_id, workout_id, started_at, day,
           row_number() OVER (PARTITION BY user_id ORDER BY started_at ASC, lower(workout_id) ASC) AS nth,
           coalesce(sum(total_output_kj) OVER (PARTITION BY user_id ORDER BY started_at ASC, lower(workout_id) ASC
                                               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0.0) AS output_before,
           sum(total_output_kj) OVER (PARTITION BY user_id ORDER BY started_at ASC, lower(workout_id) ASC
                                      ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS output_after
    FROM rider_rides
)
SELECT o.user_id, m.milestone, o.workout_id, o.started_at AS reached_at, o.day
FROM ordered o
JOIN milestones m
  ON (m.kind = 'rides' AND o.nth = m.threshold)
  -- Outputs are never negative, so exactly one ride crosses each reached threshold.
  OR (m.kind = 'output_kj' AND o.output_before < m.threshold AND o.output_after >= m.threshold)
