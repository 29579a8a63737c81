-- Week (ISO, starting Monday) and month rows of user_period_stats, the sums of
-- their day rows. Input view `user_days`: day rows as user_day_stats.sql makes
-- them (every day of the periods wanted).
SELECT d.user_id,
       p.period,
       p.period_start,
       CAST(sum(d.workouts) AS INT) AS workouts,
       sum(d.total_duration_s)      AS total_duration_s,
       sum(d.total_output_kj)       AS total_output_kj,
       sum(d.distance_km)           AS distance_km,
       sum(d.calories_kcal)         AS calories_kcal,
       max(d.best_total_output_kj)  AS best_total_output_kj
FROM (
    SELECT user_id, period_start AS day, workouts, total_duration_s, total_output_kj,
           distance_km, calories_kcal, best_total_output_kj
    FROM user_days
) d
LATERAL VIEW stack(2, 'week',  CAST(date_trunc('week', d.day) AS DATE),
                      'month', trunc(d.day, 'MM')) p AS period, period_start
GROUP BY d.user_id, p.period, p.period_start
