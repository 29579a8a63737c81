-- "My rides, newest first": every ride of a rider with its class and metrics.
-- Input view `rides`: per-ride rows (the ride pass's columns).
SELECT user_id, started_at, workout_id, class_id, class_title, instructor,
       duration_s, total_output_kj, avg_output_w, max_output_w, normalized_power_w,
       best_60s_w, best_300s_w, best_1200s_w, avg_cadence_rpm, avg_resistance_pct,
       avg_heart_rate_bpm, max_heart_rate_bpm, distance_km, calories_kcal, intensity_factor, tss
FROM rides
WHERE user_id IS NOT NULL
