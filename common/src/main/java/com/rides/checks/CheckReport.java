package com.rides.checks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The verdicts of one run's checks, for its console, its job_runs row and its exit code. */
public record CheckReport(List<Verdict> verdicts) {

    public static final CheckReport NONE = new CheckReport(List.of());
    /** Failed checks named in the summary line; data_checks has them all. */
    private static final int NAMED = 5;

    public CheckReport {
        verdicts = List.copyOf(verdicts);
    }

    public List<Verdict> failed() {
        return verdicts.stream().filter(Verdict::failed).toList();
    }

    public boolean errorFailed() {
        return verdicts.stream().anyMatch(v -> v.failed() && v.level() == CheckLevel.ERROR);
    }

    /** For job_runs.counts: checks_passed, checks_skipped, checks_failed_warning, checks_failed_error. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new LinkedHashMap<>();
        out.put("checks_passed", count(Verdict.Outcome.PASS, null));
        out.put("checks_skipped", count(Verdict.Outcome.SKIPPED, null));
        for (CheckLevel l : CheckLevel.values()) {
            out.put("checks_failed_" + l.code(), count(Verdict.Outcome.FAIL, l));
        }
        return out;
    }

    private long count(Verdict.Outcome outcome, CheckLevel level) {
        return verdicts.stream().filter(v -> v.outcome() == outcome && (level == null || v.level() == level)).count();
    }

    public CheckReport plus(CheckReport other) {
        List<Verdict> all = new ArrayList<>(verdicts);
        all.addAll(other.verdicts);
        return new CheckReport(all);
    }

    /** One line: e.g. "checks: 1 failed (error: 2026-11-14 rides), 60 passed, 20 skipped". */
    public String summary() {
        List<Verdict> failed = failed();
        StringBuilder s = new StringBuilder("checks: ");
        if (failed.isEmpty()) {
            s.append("none failed");
        } else {
            s.append(failed.size()).append(" failed (");
            for (int i = 0; i < Math.min(failed.size(), NAMED); i++) {
                Verdict v = failed.get(i);
                s.append(i == 0 ? "" : "; ").append(v.level().code()).append(": ").append(v.day()).append(' ')
                        .append(v.check());
            }
            if (failed.size() > NAMED) {
                s.append("; and ").append(failed.size() - NAMED).append(" more");
            }
            s.append(')');
        }
        Map<String, Long> c = counts();
        return s.append(", ").append(c.get("checks_passed")).append(" passed, ").append(c.get("checks_skipped"))
                .append(" skipped").toString();
    }
}
