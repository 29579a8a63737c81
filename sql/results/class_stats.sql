-- "The class page": all-time figures of each class of view `classes` (class_id:
-- the classes whose figures are wanted). A class gets a row when it has a kept
-- ride or a counting rating. Input views `class_days` (class_day_totals rows of
-- every day of those classes), `counting` (counting_ratings.sql, all time) and
-- `class_info` (class_id, class_title, instructor, from raw classes).
WITH rides AS (
    SELECT class_id,
           sum(workouts)                        AS workouts,
           sum(total_output_kj) / sum(workouts) AS avg_total_output_kj
    FROM class_days
    GROUP BY class_id
    HAVING sum(workouts) > 0
),
per_star AS (
    SELECT class_id, rating,
           count(*)          AS riders,
           sum(difficulty)   AS difficulty_sum,
           count(difficulty) AS difficulty_n
    FROM counting
    GROUP BY class_id, rating
),
rated AS (
    SELECT class_id,
           sum(riders)                                            AS rating_count,
           sum(rating * riders) / sum(riders)                     AS avg_rating,
           map_from_entries(collect_list(struct(rating, riders))) AS rating_histogram,
           CASE WHEN sum(difficulty_n) > 0
                THEN sum(difficulty_sum) / sum(difficulty_n) END  AS avg_difficulty
    FROM per_star
    GROUP BY class_id
)
SELECT c.class_id,
       i.class_title                  AS title,
       i.instructor,
       coalesce(w.workouts, 0L)       AS workouts,
       w.avg_total_output_kj,
       coalesce(r.rating_count, 0L)   AS rating_count,
       r.avg_rating,
       r.rating_histogram,
       r.avg_difficulty
FROM classes c
LEFT JOIN rides w ON w.class_id = c.class_id
LEFT JOIN rated r ON r.class_id = c.class_id
LEFT JOIN class_info i ON i.class_id = c.class_id
WHERE w.workouts IS NOT NULL OR r.rating_count IS NOT NULL
