-- The top :list_size classes by rides ('most_taken') and by a Bayesian average
-- rating ('top_rated': (C*m + sum of ratings) / (C + n), C = 20, m = the mean of
-- all counting ratings of all classes). The sum of a class's ratings comes exactly
-- from its histogram (stars -> riders). Input view `class_figures`: rows of
-- class_stats, of every class.
WITH figures AS (
    SELECT *,
           coalesce(aggregate(map_entries(rating_histogram), 0L,
                              (acc, e) -> acc + CAST(e.key AS BIGINT) * e.value), 0L) AS rating_sum
    FROM class_figures
),
prior AS (
    SELECT sum(rating_sum) / sum(rating_count) AS m FROM figures WHERE rating_count > 0
),
scored AS (
    SELECT 'most_taken' AS metric, f.*, CAST(workouts AS DOUBLE) AS value
    FROM figures f
    WHERE workouts > 0
    UNION ALL
    SELECT 'top_rated' AS metric, f.*, (20 * prior.m + f.rating_sum) / (20 + f.rating_count) AS value
    FROM figures f CROSS JOIN prior
    WHERE f.rating_count >= 1
)
SELECT metric, rank, class_id, title, instructor, value, workouts, avg_rating, rating_count
FROM (
    SELECT *,
           CAST(row_number() OVER (PARTITION BY metric ORDER BY value DESC, lower(class_id) ASC) AS INT) AS rank
    FROM scored
) ranked
WHERE rank <= :list_size
