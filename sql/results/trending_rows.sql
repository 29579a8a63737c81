-- The rows of trending_classes: each snapshot's ranked classes (view `trending`,
-- from trending_classes.sql) with their title and instructor (view `class_info`)
-- and their average counting rating as known on as_of (view `counting`:
-- counting_ratings.sql with known_on = as_of).
SELECT t.window_days, t.as_of, t.rank, t.class_id, i.class_title AS title, i.instructor, t.workouts, a.avg_rating
FROM trending t
LEFT JOIN (
    SELECT known_on AS as_of, class_id, avg(rating) AS avg_rating
    FROM counting
    GROUP BY known_on, class_id
) a ON a.as_of = t.as_of AND a.class_id = t.class_id
LEFT JOIN class_info i ON i.class_id = t.class_id
