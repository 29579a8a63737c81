package com.rides.metrics;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RideMetricsTest {

    @Test
    void columnsAreTheContractsInOrder() {
        assertEquals(List.of("duration_s", "total_output_kj", "avg_output_w", "max_output_w", "normalized_power_w",
                "best_60s_w", "best_300s_w", "best_1200s_w", "avg_cadence_rpm", "avg_resistance_pct",
                "avg_heart_rate_bpm", "max_heart_rate_bpm", "distance_km", "calories_kcal", "intensity_factor",
                "tss"), RideMetrics.COLUMNS);
    }

    @Test
    void metricValuesFollowTheColumns() {
        RideMetricsAccumulator acc = new RideMetricsAccumulator();
        for (int t = 0; t < 45; t++) {
            acc.add(t, 80, 40, 200, 120, 36f, 0);
        }
        RideMetrics m = acc.finish(250);
        Object[] v = m.metricValues();
        assertEquals(RideMetrics.COLUMNS.size(), v.length);
        assertEquals(45, v[RideMetrics.COLUMNS.indexOf("duration_s")]);
        assertEquals(m.totalOutputKj(), v[RideMetrics.COLUMNS.indexOf("total_output_kj")]);
        assertEquals(200, v[RideMetrics.COLUMNS.indexOf("max_output_w")]);
        assertEquals(m.normalizedPowerW(), v[RideMetrics.COLUMNS.indexOf("normalized_power_w")]);
        assertNull(v[RideMetrics.COLUMNS.indexOf("best_60s_w")]);
        assertEquals(120, v[RideMetrics.COLUMNS.indexOf("max_heart_rate_bpm")]);
        assertEquals(m.distanceKm(), v[RideMetrics.COLUMNS.indexOf("distance_km")]);
        assertEquals(m.intensityFactor(), v[RideMetrics.COLUMNS.indexOf("intensity_factor")]);
        assertEquals(m.tss(), v[RideMetrics.COLUMNS.indexOf("tss")]);
    }

    @Test
    void survivesJavaSerialization() throws Exception {
        RideMetricsAccumulator acc = new RideMetricsAccumulator();
        for (int t = 0; t < 70; t++) {
            acc.add(t, 80, 40, t % 5 == 0 ? 5000 : 210, 120, 36f, 0);
        }
        RideMetrics m = acc.finish(null);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(m);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(m, in.readObject());
        }
    }
}
