-- A rider's totals per UTC day: the `period = 'day'` rows of user_period_stats.
-- Input view `rides`: the non-quarantined rides to count.
SELECT user_id,
       'day'                AS period,
       day                  AS period_start,
       CAST(count(*) AS INT) AS workouts,
       sum(duration_s)      AS total_duration_s,
       sum(total_output_kj) AS total_output_kj,
       sum(distance_km)     AS distance_km,
       sum(calories_kcal)   AS calories_kcal,
       max(total_output_kj) AS best_total_output_kj
FROM rides
GROUP BY user_id, day
