package com.rides.checks;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchStatementBuilder;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.rides.config.RidesConfig;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * data_checks, read and written a day (one partition) at a time with the driver; and
 * the one figure the run's counts do not have, the classes ridden on a day
 * (one day_class_totals partition).
 */
public final class CheckStore {

    private final CqlSession session;
    private final PreparedStatement values;
    private final PreparedStatement verdicts;
    private final PreparedStatement insert;
    private final PreparedStatement classes;

    public CheckStore(CqlSession session, RidesConfig config) {
        this.session = session;
        String table = config.qualifiedStats("data_checks");
        this.values = session.prepare("SELECT check, value FROM " + table + " WHERE day = ?");
        this.verdicts = session.prepare("SELECT day, check, level, value, baseline, baseline_days, expected_low,"
                + " expected_high, verdict, detail FROM " + table + " WHERE day = ?");
        this.insert = session.prepare("INSERT INTO " + table + " (day, check, level, value, baseline, baseline_days,"
                + " expected_low, expected_high, verdict, detail, run_id, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        this.classes = session.prepare("SELECT workouts FROM " + config.qualifiedStats("day_class_totals")
                + " WHERE day = ?");
    }

    /** The figures stored for a day, by check (none for a day never checked). */
    public Map<String, Double> figures(LocalDate day) {
        Map<String, Double> out = new HashMap<>();
        for (Row r : session.execute(values.bind(day))) {
            out.put(r.getString("check"), r.isNull("value") ? null : r.getDouble("value"));
        }
        return out;
    }

    /** Every verdict stored for a day, in check order of the table (for status and the report). */
    public List<Verdict> verdicts(LocalDate day) {
        Map<String, Verdict> byName = new LinkedHashMap<>();
        for (Row r : session.execute(verdicts.bind(day))) {
            Double low = r.isNull("expected_low") ? null : r.getDouble("expected_low");
            Double high = r.isNull("expected_high") ? null : r.getDouble("expected_high");
            byName.put(r.getString("check"), new Verdict(day, r.getString("check"),
                    CheckLevel.valueOf(r.getString("level").toUpperCase(java.util.Locale.ROOT)),
                    r.isNull("value") ? null : r.getDouble("value"),
                    r.isNull("baseline") ? null : r.getDouble("baseline"), r.getInt("baseline_days"),
                    low == null && high == null ? null : new Range(low, high),
                    Verdict.Outcome.valueOf(r.getString("verdict").toUpperCase(java.util.Locale.ROOT)),
                    r.getString("detail")));
        }
        List<Verdict> out = new ArrayList<>();
        for (DataCheck c : DataChecks.ALL) {
            Verdict v = byName.remove(c.name());
            if (v != null) {
                out.add(v);
            }
        }
        out.addAll(byName.values()); // checks no longer declared, written by an older version
        return out;
    }

    public long classesRidden(LocalDate day) {
        long n = 0;
        for (Row r : session.execute(classes.bind(day))) {
            if (!r.isNull("workouts") && r.getLong("workouts") > 0) {
                n++;
            }
        }
        return n;
    }

    /** A day's verdicts replace its earlier ones: one single-partition batch per day. */
    public void write(List<Verdict> all, UUID runId) {
        Instant now = Instant.now();
        Map<LocalDate, BatchStatementBuilder> byDay = new LinkedHashMap<>();
        for (Verdict v : all) {
            byDay.computeIfAbsent(v.day(), d -> BatchStatement.builder(DefaultBatchType.UNLOGGED))
                    .addStatement(insert.bind(v.day(), v.check(), v.level().code(), v.value(), v.baseline(),
                            v.baselineDays(), v.expected() == null ? null : v.expected().low(),
                            v.expected() == null ? null : v.expected().high(), v.outcome().code(), v.detail(), runId, now));
        }
        for (BatchStatementBuilder b : byDay.values()) {
            session.execute(b.build());
        }
    }
}
