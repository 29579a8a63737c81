-- "Popular right now": for each snapshot (window_hours, as_of) the :list_size
-- classes with the most rides started in [as_of - window_hours, as_of) (ties:
-- the smaller class_id as lower-case text). Input views `snapshots`
-- (window_hours, as_of: whole hours, UTC) and `hour_classes` (day, hour,
-- class_id, workouts: class_hour_totals.sql) holding at least the days every
-- window overlaps. A ride is counted under its workouts partition's day, and only
-- where that day is one the window overlaps: the days `hourly` reads. The same
-- as by started_at alone while day is the UTC date of started_at, as ingest
-- writes it (CONTRACT.md section 1).
WITH snapshot_hours AS (
    SELECT s.window_hours, s.as_of, h.hour,
           to_date(s.as_of - make_dt_interval(0, s.window_hours)) AS first_day,
           to_date(s.as_of - INTERVAL 1 HOUR) AS last_day
    FROM snapshots s
    LATERAL VIEW explode(sequence(s.as_of - make_dt_interval(0, s.window_hours),
                                  s.as_of - INTERVAL 1 HOUR, INTERVAL 1 HOUR)) h AS hour
)
SELECT window_hours, as_of, rank, class_id, workouts
FROM (
    SELECT w.window_hours, w.as_of, c.class_id, sum(c.workouts) AS workouts,
           CAST(row_number() OVER (PARTITION BY w.window_hours, w.as_of
                                   ORDER BY sum(c.workouts) DESC, lower(c.class_id) ASC) AS INT) AS rank
    FROM snapshot_hours w
    JOIN hour_classes c ON c.hour = w.hour AND c.day BETWEEN w.first_day AND w.last_day
    GROUP BY w.window_hours, w.as_of, c.class_id
) ranked
WHERE rank <= :list_size
