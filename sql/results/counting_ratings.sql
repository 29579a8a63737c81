-- Each rider's counting rating of each class, as known on a day: among the valid
-- ratings of days up to known_on, the one with the latest rated_at (ties: the
-- larger rating). The one place this rule is written: class_stats asks for all
-- time (known_on null), trending_classes for each snapshot's as_of.
-- Input view `valid_ratings`: (known_on, class_id, user_id, day, bucket, rating,
-- difficulty, rated_at), each rating once for every day it is judged on.
SELECT known_on, class_id, user_id, rating, difficulty
FROM (
    SELECT *,
           row_number() OVER (PARTITION BY known_on, class_id, user_id
                              ORDER BY rated_at DESC, rating DESC, day DESC, bucket DESC) AS nth
    FROM valid_ratings
    WHERE known_on IS NULL OR day <= known_on
) r
WHERE nth = 1
