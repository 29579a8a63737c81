-- For each snapshot (window_days, as_of): the :list_size classes with the most
-- rides whose day is in [as_of - window_days + 1, as_of] (ties: the smaller
-- class_id). Input views `snapshots` (window_days, as_of) and `day_classes` (day,
-- class_id, workouts): the rows of day_class_totals covering every window.
WITH window_days AS (
    SELECT s.window_days, s.as_of, d.day
    FROM snapshots s
    LATERAL VIEW explode(sequence(date_sub(s.as_of, s.window_days - 1), s.as_of)) d AS day
)
SELECT window_days, as_of, rank, class_id, workouts
FROM (
    SELECT w.window_days, w.as_of, c.class_id, sum(c.workouts) AS workouts,
           CAST(row_number() OVER (PARTITION BY w.window_days, w.as_of
                                   ORDER BY sum(c.workouts) DESC, lower(c.class_id) ASC) AS INT) AS rank
    FROM window_days w
    JOIN day_classes c ON c.day = w.day
    GROUP BY w.window_days, w.as_of, c.class_id
) ranked
WHERE rank <= :list_size
