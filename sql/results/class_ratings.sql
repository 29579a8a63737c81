-- Every valid rating a class received (working state), one row per raw rating:
-- the contributions a class's rating figures are made of. Input view `ratings`:
-- validated ratings, reason null when valid.
SELECT class_id, user_id, day, bucket, rating, difficulty, rated_at
FROM ratings
WHERE reason IS NULL
