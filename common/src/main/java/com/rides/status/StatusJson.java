package com.rides.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.rides.checks.Verdict;
import com.rides.runs.LeaseHolder;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** status --json: the report as one JSON document (times as ISO-8601 UTC, durations in seconds). */
public final class StatusJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StatusJson() {
    }

    public static String of(StatusReport s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("healthy", s.healthy());
        out.put("problems", s.problems());
        out.put("as_of", s.asOf().toString());
        out.put("last_processed_day", s.lastProcessedDay().map(LocalDate::toString).orElse(null));
        out.put("lag_days", s.lagDays().orElse(null));
        out.put("max_lag_days", s.maxLagDays());
        out.put("lease", s.lease().map(StatusJson::lease).orElse(null));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (JobHistory h : s.jobs()) {
            Map<String, Object> job = new LinkedHashMap<>();
            job.put("job", h.job());
            job.put("latest", h.latest() == null ? null : run(h.latest(), s));
            job.put("last_success", h.lastSuccess() == null ? null : run(h.lastSuccess(), s));
            runs.add(job);
        }
        out.put("jobs", runs);
        out.put("checks_from", s.checksFrom().toString());
        out.put("failed_checks", s.failedChecks().stream().map(StatusJson::verdict).toList());
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the status as JSON", e);
        }
    }

    private static Map<String, Object> lease(LeaseHolder h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", h.runId().toString());
        m.put("job", h.job());
        m.put("host", h.host());
        m.put("pid", h.pid());
        m.put("started_at", h.startedAt().toString());
        m.put("renewed_at", h.renewedAt() == null ? null : h.renewedAt().toString());
        m.put("ttl_s", h.ttl().toSeconds());
        return m;
    }

    private static Map<String, Object> run(RunSummary r, StatusReport s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run_id", r.runId().toString());
        m.put("status", r.status());
        m.put("day", r.day() == null ? null : r.day().toString());
        m.put("started_at", r.startedAt().toString());
        m.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toString());
        m.put("duration_s", r.duration(s.asOf()).toMillis() / 1000.0);
        m.put("counts", r.counts());
        m.put("message", r.message());
        return m;
    }

    private static Map<String, Object> verdict(Verdict v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("day", v.day().toString());
        m.put("check", v.check());
        m.put("level", v.level().code());
        m.put("value", v.value());
        m.put("expected_low", v.expected() == null ? null : v.expected().low());
        m.put("expected_high", v.expected() == null ? null : v.expected().high());
        m.put("detail", v.detail());
        return m;
    }
}
