-- Riders at risk of churning: riders who were regular (at least :min_rides kept rides
-- in the :lookback_days days before the quiet spell) and have not ridden in the last
-- :quiet_days days up to :as_of. Most regular first.
--
-- Parameters: :as_of (date), :quiet_days (int), :lookback_days (int), :min_rides (int);
--             quiet_days + lookback_days at most 92
-- Example:    scripts/rides adhoc --sql sql/adhoc/churn_risk.sql --param as_of=2026-11-30 \
--                 --param quiet_days=7 --param lookback_days=28 --param min_rides=6
-- Reads:      workouts, the partitions (day, bucket) of the quiet_days + lookback_days days;
--             workout_summary (kept rides) and riders by key.
WITH rides AS (
    SELECT w.user_id, w.day, w.started_at
    FROM workouts w
    JOIN workout_summary s ON s.workout_id = w.workout_id
    WHERE w.day BETWEEN date_sub(:as_of, :quiet_days + :lookback_days - 1) AND :as_of
      AND w.user_id IS NOT NULL
),
per_rider AS (
    SELECT user_id,
           count(CASE WHEN day <= date_sub(:as_of, :quiet_days) THEN 1 END) AS regular_rides,
           count(CASE WHEN day > date_sub(:as_of, :quiet_days) THEN 1 END)  AS recent_rides,
           max(started_at)                                                   AS last_ride_at
    FROM rides
    GROUP BY user_id
)
SELECT p.user_id,
       r.username,
       p.regular_rides,
       p.last_ride_at,
       datediff(:as_of, to_date(p.last_ride_at)) AS days_since_last_ride
FROM per_rider p
LEFT JOIN riders r ON r.user_id = p.user_id
WHERE p.recent_rides = 0
  AND p.regular_rides >= :min_rides
ORDER BY p.regular_rides DESC, p.last_ride_at, p.user_id
