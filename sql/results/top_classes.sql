-- The top 10 classes by rides ('most_taken') and by a Bayesian average rating
-- ('top_rated': (C*m + sum of ratings) / (C + n), C = 20, m = the mean of all
-- counting ratings of all classes). Input view `class_figures`: (class_id, title,
-- instructor, workouts, avg_rating, rating_count, rating_sum).
WITH prior AS (
    SELECT sum(rating_sum) / sum(rating_count) AS m FROM class_figures WHERE rating_count > 0
),
scored AS (
    SELECT 'most_taken' AS metric, f.*, CAST(workouts AS DOUBLE) AS value
    FROM class_figures f
    WHERE workouts > 0
    UNION ALL
    SELECT 'top_rated' AS metric, f.*, (20 * prior.m + f.rating_sum) / (20 + f.rating_count) AS value
    FROM class_figures f CROSS JOIN prior
    WHERE f.rating_count >= 1
)
SELECT metric, rank, class_id, title, instructor, value, workouts, avg_rating, rating_count
FROM (
    SELECT *,
           CAST(row_number() OVER (PARTITION BY metric ORDER BY value DESC, lower(class_id) ASC) AS INT) AS rank
    FROM scored
) ranked
WHERE rank <= 10
