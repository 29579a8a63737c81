package com.rides.metrics;

import com.rides.validation.ViolationCounts;

import java.io.Serializable;
import java.util.List;

/**
 * One ride's figures (contract section 3) and the counts the run reconciles.
 * Immutable and serializable, so Spark can ship it.
 *
 * <p>For a ride with no kept sample ({@code keptSamples == 0}, quarantined as
 * {@code no_samples}) every primitive figure is 0 (durationS, totalOutputKj,
 * avgOutputW, maxOutputW, distanceKm, caloriesKcal) and every boxed one is null.
 *
 * @param durationS         max kept offset_s + 1
 * @param totalOutputKj     Σ p[t] / 1000
 * @param avgOutputW        Σ p[t] / duration_s
 * @param maxOutputW        max p[t]
 * @param normalizedPowerW  null when duration_s &lt; 30
 * @param best60sW          null when duration_s &lt; 60
 * @param best300sW         null when duration_s &lt; 300
 * @param best1200sW        null when duration_s &lt; 1200
 * @param avgCadenceRpm     mean of valid cadence values &gt; 0; null if none
 * @param avgResistancePct  mean of valid resistance values; null if none
 * @param avgHeartRateBpm   mean of valid heart rates; null if none
 * @param maxHeartRateBpm   max of valid heart rates; null if none
 * @param distanceKm        Σ valid speed_kph / 3600
 * @param caloriesKcal      total_output_kj / (4.184 × 0.24)
 * @param intensityFactor   NP / ftp_w; null without FTP &gt; 0 or NP
 * @param tss               duration_s × NP × IF / (ftp_w × 3600) × 100; null when IF is null
 * @param keptSamples       sample rows with offset_s in 0 … 86399
 * @param droppedSamples    sample rows with offset_s outside 0 … 86399
 * @param validPowerSamples kept rows with a valid output_w
 * @param violations        invalid fields of kept rows, per field and rule
 */
public record RideMetrics(
        int durationS,
        double totalOutputKj,
        double avgOutputW,
        int maxOutputW,
        Double normalizedPowerW,
        Double best60sW,
        Double best300sW,
        Double best1200sW,
        Double avgCadenceRpm,
        Double avgResistancePct,
        Double avgHeartRateBpm,
        Integer maxHeartRateBpm,
        double distanceKm,
        double caloriesKcal,
        Double intensityFactor,
        Double tss,
        long keptSamples,
        long droppedSamples,
        long validPowerSamples,
        ViolationCounts violations) implements Serializable {

    /** The contract's metric columns, in contract order; {@link #metricValues()} follows it. */
    public static final List<String> COLUMNS = List.of("duration_s", "total_output_kj", "avg_output_w",
            "max_output_w", "normalized_power_w", "best_60s_w", "best_300s_w", "best_1200s_w", "avg_cadence_rpm",
            "avg_resistance_pct", "avg_heart_rate_bpm", "max_heart_rate_bpm", "distance_km", "calories_kcal",
            "intensity_factor", "tss");

    /** The metrics in {@link #COLUMNS} order, boxed, nulls where a metric is null. */
    public Object[] metricValues() {
        return new Object[] {durationS, totalOutputKj, avgOutputW, maxOutputW, normalizedPowerW, best60sW,
                best300sW, best1200sW, avgCadenceRpm, avgResistancePct, avgHeartRateBpm, maxHeartRateBpm,
                distanceKm, caloriesKcal, intensityFactor, tss};
    }
}
