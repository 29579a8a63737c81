package com.rides.generate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults appear at the configured rate, are logged exactly, and are absent at rate 0. */
class FaultInjectionTest {

    private static final LocalDate END = LocalDate.of(2026, 11, 20);

    @Test
    void rateZeroGivesCleanDataEverywhere() {
        SyntheticRides data = new SyntheticRides(new GeneratorSpec(300, 60, 14, END, 5L, 16, 0.0));
        Set<UUID> riderIds = data.riders().stream().map(Rider::userId).collect(Collectors.toSet());
        Set<UUID> classIds = classIds(data);
        RideSamples s = new RideSamples();
        long samples = 0;
        for (RiderHistory history : data.histories()) {
            for (PlannedRide ride : history.rides()) {
                assertNull(ride.fault());
                assertTrue(riderIds.contains(ride.workout().userId()), "known rider");
                assertTrue(classIds.contains(ride.workout().classId()), "known class");
                data.samples(ride, s);
                assertEquals(ride.riddenSeconds(), s.size(), "one row per second ridden");
                for (int i = 0; i < s.size(); i++) {
                    assertEquals(i, s.offsetS(i), "no gap, no bad offset");
                    for (SampleField f : SampleField.values()) {
                        assertTrue(ContractRules.valid(f, s, i), () -> f + " invalid in " + ride.workout());
                    }
                }
                samples += s.size();
            }
            for (PlannedRating rating : history.ratings()) {
                assertNull(rating.fault());
                assertNull(ContractRules.ratingReason(rating.row(), classIds), rating.toString());
            }
        }
        assertTrue(samples > 1_000_000, "a real check: " + samples + " samples");
        FaultLog log = data.faultLog();
        for (Fault f : Fault.values()) {
            assertEquals(0, log.count(f), f.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.05})
    void workoutAndRatingFaultsHitTheirShare(double rate) {
        // Many riders, histories only (no samples needed): enough rows for tight bounds.
        SyntheticRides data = new SyntheticRides(new GeneratorSpec(4000, 40, 30, END, 11L, 16, rate));
        FaultLog log = new FaultLog();
        data.histories().forEach(log::addHistory);
        assertTrue(log.rows(Fault.Scope.WORKOUT) > 20_000, log.toString());
        assertTrue(log.rows(Fault.Scope.RATING) > 8_000, log.toString());
        for (Fault f : Fault.values()) {
            if (f.scope() != Fault.Scope.SAMPLE) {
                assertBinomial(f, log.count(f), log.rows(f.scope()), rate);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.05})
    void sampleFaultsHitTheirShare(double rate) {
        FaultLog log = new SyntheticRides(new GeneratorSpec(150, 40, 14, END, 12L, 16, rate)).faultLog();
        assertTrue(log.rows(Fault.Scope.SAMPLE) > 1_000_000, log.toString());
        for (Fault f : Fault.values()) {
            if (f.scope() == Fault.Scope.SAMPLE) {
                // Field faults are a share of the rows left after gaps (and output faults of
                // the rides that still have valid power), hence a little under the rate.
                double share = log.share(f);
                assertTrue(share > 0.85 * rate && share < 1.1 * rate, f + " share " + share + " at rate " + rate);
            }
        }
    }

    @Test
    void aHigherRateGivesProportionallyMoreFaults() {
        GeneratorSpec spec = new GeneratorSpec(150, 40, 14, END, 13L, 16, 0.01);
        FaultLog low = new SyntheticRides(spec).faultLog();
        FaultLog high = new SyntheticRides(spec.withFaultRate(0.05)).faultLog();
        for (Fault f : Fault.values()) {
            if (f.scope() == Fault.Scope.SAMPLE) {
                double ratio = (double) high.count(f) / low.count(f);
                assertTrue(ratio > 4 && ratio < 6, f + ": " + high.count(f) + " vs " + low.count(f));
            }
        }
        long lowRows = low.counts().values().stream().mapToLong(Long::longValue).sum();
        long highRows = high.counts().values().stream().mapToLong(Long::longValue).sum();
        assertTrue(highRows > 4 * lowRows, highRows + " vs " + lowRows);
    }

    @Test
    void theLogMatchesWhatTheRowsShow() {
        double rate = 0.05;
        SyntheticRides data = new SyntheticRides(new GeneratorSpec(120, 30, 10, END, 14L, 8, rate));
        Set<UUID> riderIds = data.riders().stream().map(Rider::userId).collect(Collectors.toSet());
        Set<UUID> classIds = classIds(data);
        Map<Fault, Long> seen = new EnumMap<>(Fault.class);
        Map<String, Long> workoutReasons = new TreeMap<>();
        Map<String, Long> ratingReasons = new TreeMap<>();
        RideSamples s = new RideSamples();
        for (RiderHistory history : data.histories()) {
            for (PlannedRide ride : history.rides()) {
                Workout w = ride.workout();
                data.samples(ride, s);
                String reason = ContractRules.workoutReason(w, s, classIds);
                if (reason != null) {
                    workoutReasons.merge(reason, 1L, Long::sum);
                }
                assertEquals(ride.fault() == null ? null : ride.fault().quarantineReason(), reason,
                        "the planted fault is the contract's reason for " + w);
                if (w.userId() != null && !riderIds.contains(w.userId())) {
                    seen.merge(Fault.UNKNOWN_RIDER, 1L, Long::sum);
                }
                if (s.size() > 0) {
                    countSampleFaults(ride, s, seen);
                }
            }
            for (PlannedRating rating : history.ratings()) {
                String reason = ContractRules.ratingReason(rating.row(), classIds);
                if (reason != null) {
                    ratingReasons.merge(reason, 1L, Long::sum);
                }
                assertEquals(rating.fault() == null ? null : rating.fault().quarantineReason(), reason,
                        "the planted fault is the contract's reason for " + rating);
            }
        }
        FaultLog log = data.faultLog();
        assertEquals(workoutReasons, nonZero(log.quarantined(Fault.Scope.WORKOUT)));
        assertEquals(ratingReasons, nonZero(log.quarantined(Fault.Scope.RATING)));
        assertEquals(log.count(Fault.UNKNOWN_RIDER), seen.getOrDefault(Fault.UNKNOWN_RIDER, 0L));
        for (Fault f : Fault.values()) {
            if (f.scope() == Fault.Scope.SAMPLE) {
                assertEquals(log.count(f), seen.getOrDefault(f, 0L), f.toString());
                assertTrue(log.count(f) > 0, f + " planted");
            }
        }
    }

    /** Recounts the sample faults of one ride from its rows alone. */
    private static void countSampleFaults(PlannedRide ride, RideSamples s, Map<Fault, Long> seen) {
        int maxOffset = -1;
        long inRange = 0;
        for (int i = 0; i < s.size(); i++) {
            int offset = s.offsetS(i);
            if (!ContractRules.validOffset(offset)) {
                seen.merge(Fault.BAD_OFFSET, 1L, Long::sum);
                continue;
            }
            inRange++;
            maxOffset = Math.max(maxOffset, offset);
            for (SampleField f : SampleField.values()) {
                if (f == SampleField.OUTPUT_W && ride.hasFault(Fault.NO_VALID_POWER)) {
                    assertFalse(ContractRules.valid(f, s, i), "no valid power in " + ride.workout());
                } else if (s.isNull(i, f)) {
                    seen.merge(f.nullFault(), 1L, Long::sum);
                } else if (!ContractRules.valid(f, s, i)) {
                    seen.merge(f.outOfRangeFault(), 1L, Long::sum);
                }
            }
        }
        assertEquals(ride.riddenSeconds(), maxOffset + 1, "gaps never change the ride's length");
        seen.merge(Fault.SAMPLE_GAP, ride.riddenSeconds() - inRange, Long::sum);
    }

    private static Map<String, Long> nonZero(Map<String, Long> counts) {
        Map<String, Long> nonZero = new TreeMap<>(counts);
        nonZero.values().removeIf(n -> n == 0);
        return nonZero;
    }

    @Test
    void faultyRowsStillHaveTheirKeys() {
        SyntheticRides data = new SyntheticRides(new GeneratorSpec(200, 30, 10, END, 15L, 16, 0.2));
        for (RiderHistory history : data.histories()) {
            for (PlannedRide ride : history.rides()) {
                Workout w = ride.workout();
                assertNotNull(w.day());
                assertNotNull(w.workoutId());
                assertTrue(w.bucket() >= 0 && w.bucket() < 16);
            }
            for (PlannedRating rating : history.ratings()) {
                assertNotNull(rating.row().userId(), "user_id is part of the ratings key");
                assertNotNull(rating.row().classId(), "class_id is part of the ratings key");
            }
        }
    }

    private static Set<UUID> classIds(SyntheticRides data) {
        return data.classes().stream().map(RideClass::classId).collect(Collectors.toSet());
    }

    /**
     * Within 4.5 standard deviations of the binomial mean. The seed is fixed, so the
     * test is deterministic; the bound is wide enough that it holds for any seed
     * rather than for a lucky one.
     */
    private static void assertBinomial(Fault f, long count, long n, double p) {
        double mean = n * p;
        double sd = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(count - mean) <= 4.5 * sd + 1,
                f + ": " + count + " of " + n + " rows, expected about " + mean + " at rate " + p);
    }
}
