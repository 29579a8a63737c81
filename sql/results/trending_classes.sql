-- For each snapshot (window_days, as_of): the 10 classes with the most rides
-- whose day is in [as_of - window_days + 1, as_of]. Input views `snapshots`
-- (window_days, as_of) and `day_classes` (day, class_id, workouts): the rows of
-- day_class_totals covering every window.
SELECT window_days, as_of, rank, class_id, workouts
FROM (
    SELECT s.window_days, s.as_of, d.class_id, sum(d.workouts) AS workouts,
           CAST(row_number() OVER (PARTITION BY s.window_days, s.as_of
                                   ORDER BY sum(d.workouts) DESC, lower(d.class_id) ASC) AS INT) AS rank
    FROM snapshots s
    JOIN day_classes d
      ON d.day BETWEEN date_sub(s.as_of, s.window_days - 1) AND s.as_of
    GROUP BY s.window_days, s.as_of, d.class_id
) ranked
WHERE rank <= 10
