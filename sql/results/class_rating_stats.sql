-- Rating figures of each class over its riders' counting ratings: how many
-- riders rated it, their mean, the histogram stars -> riders, and the mean
-- difficulty over the ratings that have one. rating_sum feeds top_classes.
-- Input view `counting`: the output of counting_ratings.sql.
WITH per_star AS (
    SELECT class_id, rating,
           count(*)          AS riders,
           sum(difficulty)   AS difficulty_sum,
           count(difficulty) AS difficulty_n
    FROM counting
    GROUP BY class_id, rating
)
SELECT class_id,
       sum(riders)                                   AS rating_count,
       sum(rating * riders) / sum(riders)            AS avg_rating,
       map_from_entries(collect_list(struct(rating, riders))) AS rating_histogram,
       CASE WHEN sum(difficulty_n) > 0
            THEN sum(difficulty_sum) / sum(difficulty_n) END AS avg_difficulty,
       sum(rating * riders)                          AS rating_sum
FROM per_star
GROUP BY class_id
