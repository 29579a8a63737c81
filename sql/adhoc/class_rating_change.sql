-- Classes whose rating fell: the average of the valid ratings given in the last
-- :days days up to :as_of, against the :days days before, for classes rated in both
-- windows; the largest fall first. Use days=30 for "this month against last".
-- A rating is valid as in CONTRACT section 2 (rating 1..5, difficulty empty or 1..10,
-- known class); every rating given in a window counts, re-rates included.
--
-- Parameters: :as_of (date), :days (int, 1 .. 46)
-- Example:    scripts/rides adhoc --sql sql/adhoc/class_rating_change.sql \
--                 --param as_of=2026-11-30 --param days=30
-- Reads:      ratings, the partitions (day, bucket) of the 2 x :days days only; classes by key.
WITH rated AS (
    SELECT r.class_id,
           r.rating,
           CASE WHEN r.day > date_sub(:as_of, :days) THEN 'current' ELSE 'previous' END AS span
    FROM ratings r
    WHERE r.day BETWEEN date_sub(:as_of, 2 * :days - 1) AND :as_of
      AND r.rating BETWEEN 1 AND 5
      AND (r.difficulty IS NULL OR r.difficulty BETWEEN 1 AND 10)
),
windows AS (
    SELECT class_id,
           avg(CASE WHEN span = 'previous' THEN rating END)   AS previous_avg,
           count(CASE WHEN span = 'previous' THEN rating END) AS previous_ratings,
           avg(CASE WHEN span = 'current' THEN rating END)    AS current_avg,
           count(CASE WHEN span = 'current' THEN rating END)  AS current_ratings
    FROM rated
    GROUP BY class_id
)
SELECT w.class_id,
       c.title,
       c.instructor,
       w.previous_avg,
       w.previous_ratings,
       w.current_avg,
       w.current_ratings,
       w.current_avg - w.previous_avg AS change
FROM windows w
JOIN classes c ON c.class_id = w.class_id
WHERE w.previous_ratings > 0
  AND w.current_ratings > 0
  AND w.current_avg < w.previous_avg
ORDER BY change, w.class_id
