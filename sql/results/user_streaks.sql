-- A rider's totals and streaks over their kept rides. A daily streak is a run
-- of consecutive days with a ride; a weekly one, of consecutive ISO weeks
-- (Monday first). The current streak is the run that ends with the rider's
-- last ride day (its week); whether it is still alive today is the app's call.
-- Input view `rider_rides`: (user_id, started_at, workout_id, day,
-- total_output_kj), every kept ride of each rider wanted.
WITH ride_days AS (
    SELECT DISTINCT user_id, day FROM rider_rides
),
-- Consecutive days (weeks) share one value of "position minus row number".
day_runs AS (
    SELECT user_id, max(day) AS run_end, count(*) AS length
    FROM (
        SELECT user_id, day, date_sub(day, CAST(row_number() OVER (PARTITION BY user_id ORDER BY day) AS INT)) AS run
        FROM ride_days
    ) d
    GROUP BY user_id, run
),
ride_weeks AS (
    SELECT DISTINCT user_id, CAST(date_trunc('week', day) AS DATE) AS week FROM ride_days
),
week_runs AS (
    SELECT user_id, max(week) AS run_end, count(*) AS length
    FROM (
        SELECT user_id, week,
               datediff(week, DATE'1970-01-05') DIV 7 - row_number() OVER (PARTITION BY user_id ORDER BY week) AS run
        FROM ride_weeks
    ) w
    GROUP BY user_id, run
),
totals AS (
    SELECT user_id, count(*) AS rides, sum(total_output_kj) AS total_output_kj,
           min(day) AS first_ride_day, max(day) AS last_ride_day
    FROM rider_rides
    GROUP BY user_id
),
daily AS (
    SELECT r.user_id,
           CAST(max(CASE WHEN r.run_end = t.last_ride_day THEN r.length END) AS INT) AS current_daily_streak,
           CAST(max(r.length) AS INT) AS longest_daily_streak
    FROM day_runs r JOIN totals t ON t.user_id = r.user_id
    GROUP BY r.user_id
),
weekly AS (
    SELECT r.user_id,
           CAST(max(CASE WHEN r.run_end = CAST(date_trunc('week', t.last_ride_day) AS DATE) THEN r.length END) AS INT)
               AS current_weekly_streak,
           CAST(max(r.length) AS INT) AS longest_weekly_streak
    FROM week_runs r JOIN totals t ON t.user_id = r.user_id
    GROUP BY r.user_id
)
SELECT t.user_id, t.rides, t.total_output_kj, t.first_ride_day, t.last_ride_day,
       d.current_daily_streak, d.longest_daily_streak, w.current_weekly_streak, w.longest_weekly_streak
FROM totals t
JOIN daily d ON d.user_id = t.user_id
JOIN weekly w ON w.user_id = t.user_id
