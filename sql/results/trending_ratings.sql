-- avg_rating of a trending class as known on as_of: over each rider's counting
-- rating among the valid ratings whose day is on or before as_of.
-- Input views `trending` (window_days, as_of, class_id, ...) and `valid_ratings`.
SELECT window_days, as_of, class_id, avg(rating) AS avg_rating
FROM (
    SELECT t.window_days, t.as_of, t.class_id, r.rating,
           row_number() OVER (PARTITION BY t.window_days, t.as_of, t.class_id, r.user_id
                              ORDER BY r.rated_at DESC, r.rating DESC, r.day DESC, r.bucket DESC) AS nth
    FROM trending t
    JOIN valid_ratings r
      ON r.class_id = t.class_id AND r.day <= t.as_of
) x
WHERE nth = 1
GROUP BY window_days, as_of, class_id
