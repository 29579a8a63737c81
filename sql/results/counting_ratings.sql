-- Each rider's counting rating of each class: the valid rating with the latest
-- rated_at (ties: the larger rating). Input view `valid_ratings`: (class_id,
-- user_id, day, bucket, rating, difficulty, rated_at) as known on the day of interest.
SELECT class_id, user_id, day, rating, difficulty, rated_at
FROM (
    SELECT *,
           row_number() OVER (PARTITION BY class_id, user_id
                              ORDER BY rated_at DESC, rating DESC, day DESC, bucket DESC) AS nth
    FROM valid_ratings
) r
WHERE nth = 1
