-- "How did this ride go?" One row per ride: its identity and every metric of
-- CONTRACT section 3. Input view `rides`: per-ride rows (the ride pass's columns).
SELECT workout_id, user_id, class_id, started_at, day,
       duration_s, total_output_kj, avg_output_w, max_output_w, normalized_power_w,
       best_60s_w, best_300s_w, best_1200s_w, avg_cadence_rpm, avg_resistance_pct,
       avg_heart_rate_bpm, max_heart_rate_bpm, distance_km, calories_kcal, intensity_factor, tss
FROM rides
