package com.rides.metrics;

import com.rides.validation.FieldViolation;
import com.rides.validation.SampleField;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property test: the one-pass accumulator agrees with a naive reading of contract
 * section 3 (materialize p[t], then sum every window from scratch, O(n·N)) on
 * thousands of random rides with gaps, invalid and null values, dropped rows and
 * lengths around every threshold. The reference deliberately uses none of the main
 * code: its ranges are literals from the contract.
 */
class StreamingMatchesNaiveReferenceTest {

    private static final double REL = 1e-9;
    private static final int RIDES = 2500;

    /** One raw sample row; null fields are SQL nulls. */
    record Sample(int offset, Integer cadence, Integer resistance, Integer output, Integer heartRate, Float speed) {
    }

    @Test
    void agreesOnRandomRides() {
        SplittableRandom random = new SplittableRandom(20_26_11_02L);
        RideMetricsAccumulator acc = new RideMetricsAccumulator();
        for (int i = 0; i < RIDES; i++) {
            List<Sample> ride = randomRide(random);
            Integer ftp = switch (random.nextInt(5)) {
                case 0 -> null;
                case 1 -> 0;
                default -> 100 + random.nextInt(300);
            };
            acc.reset();
            for (Sample s : ride) {
                if (random.nextBoolean()) {
                    acc.add(s.offset(), s.cadence(), s.resistance(), s.output(), s.heartRate(), s.speed());
                } else {
                    acc.add(s.offset(), orZero(s.cadence()), orZero(s.resistance()), orZero(s.output()),
                            orZero(s.heartRate()), s.speed() == null ? 0f : s.speed(), nullMask(s));
                }
            }
            Expected expected = reference(ride, ftp);
            compare("ride " + i + " (" + ride.size() + " rows)", expected, acc.finish(ftp));
            coverage.see(expected);
        }
        coverage.assertEveryCaseSeen();
    }

    /** Guards the generator: each edge the test is meant to exercise must actually occur. */
    private final Coverage coverage = new Coverage();

    static final class Coverage {
        int empty, shorterThanNp, npOnly, best1200, withIntensity, withDropped, withGaps, withNulls, withOutOfRange,
                noValidPower, endOfDay;

        void see(Expected e) {
            empty += e.kept == 0 ? 1 : 0;
            shorterThanNp += e.kept > 0 && e.np == null ? 1 : 0;
            npOnly += e.np != null && e.best60 == null ? 1 : 0;
            best1200 += e.best1200 != null ? 1 : 0;
            withIntensity += e.intensity != null ? 1 : 0;
            withDropped += e.dropped > 0 ? 1 : 0;
            withGaps += e.kept < e.duration ? 1 : 0;
            withNulls += java.util.Arrays.stream(e.nulls).sum() > 0 ? 1 : 0;
            withOutOfRange += java.util.Arrays.stream(e.outOfRange).sum() > 0 ? 1 : 0;
            noValidPower += e.kept > 0 && e.validPower == 0 ? 1 : 0;
            endOfDay += e.duration > 80_000 ? 1 : 0;
        }

        void assertEveryCaseSeen() {
            int[] seen = {empty, shorterThanNp, npOnly, best1200, withIntensity, withDropped, withGaps, withNulls,
                    withOutOfRange, noValidPower, endOfDay};
            for (int n : seen) {
                assertTrue(n > 0, "a case never occurred: " + java.util.Arrays.toString(seen));
            }
        }
    }

    private static List<Sample> randomRide(SplittableRandom r) {
        int length = switch (r.nextInt(10)) {
            case 0 -> r.nextInt(40);                                      // around the NP threshold
            case 1 -> new int[] {29, 30, 31, 59, 60, 61, 299, 300, 301, 1199, 1200, 1201}[r.nextInt(12)];
            default -> r.nextInt(4000);
        };
        int start = r.nextInt(20) == 0 ? r.nextInt(200) : 0;          // sometimes a leading gap
        if (r.nextInt(500) == 0) {
            start = 86_400 - length - r.nextInt(10);                      // a ride at the end of the day
        }
        double gapRate = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.2;
        double faultRate = r.nextInt(3) == 0 ? 0 : r.nextDouble() * 0.3;
        List<Sample> rows = new ArrayList<>();
        int before = r.nextInt(10) == 0 ? 1 + r.nextInt(3) : 0;
        for (int k = before; k > 0; k--) {
            rows.add(randomSample(r, -10 * k - r.nextInt(5), faultRate)); // dropped, in increasing order
        }
        for (int t = start; t < start + length; t++) {
            if (r.nextDouble() < gapRate) {
                if (r.nextInt(50) == 0) {
                    t += r.nextInt(1500);                                // a long dropout
                }
                continue;
            }
            rows.add(randomSample(r, t, faultRate));
        }
        if (r.nextInt(10) == 0) {
            int last = rows.isEmpty() ? 86_399 : Math.max(86_399, rows.get(rows.size() - 1).offset());
            rows.add(randomSample(r, last + 1 + r.nextInt(1000), faultRate));
        }
        return rows;
    }

    private static Sample randomSample(SplittableRandom r, int offset, double faultRate) {
        return new Sample(offset,
                field(r, faultRate, r.nextInt(10) == 0 ? 0 : 60 + r.nextInt(60), 251, -3),
                field(r, faultRate, r.nextInt(101), 101, -1),
                field(r, faultRate, r.nextInt(8) == 0 ? r.nextInt(1200) : r.nextInt(400), 3001, -10),
                field(r, faultRate, 30 + r.nextInt(211), 241, 29),
                speed(r, faultRate));
    }

    /** A valid value, or (at faultRate) null or just outside the range. */
    private static Integer field(SplittableRandom r, double faultRate, int valid, int tooHigh, int tooLow) {
        if (r.nextDouble() >= faultRate) {
            return valid;
        }
        return switch (r.nextInt(3)) {
            case 0 -> null;
            case 1 -> tooHigh + r.nextInt(3);
            default -> tooLow - r.nextInt(3);
        };
    }

    private static Float speed(SplittableRandom r, double faultRate) {
        if (r.nextDouble() >= faultRate) {
            return (float) (r.nextDouble() * 120);
        }
        return switch (r.nextInt(4)) {
            case 0 -> null;
            case 1 -> Float.NaN;
            case 2 -> 120.5f;
            default -> -0.25f;
        };
    }

    private static int orZero(Integer v) {
        return v == null ? 0 : v;
    }

    private static int nullMask(Sample s) {
        return (s.cadence() == null ? SampleField.CADENCE_RPM.bit() : 0)
                | (s.resistance() == null ? SampleField.RESISTANCE_PCT.bit() : 0)
                | (s.output() == null ? SampleField.OUTPUT_W.bit() : 0)
                | (s.heartRate() == null ? SampleField.HEART_RATE_BPM.bit() : 0)
                | (s.speed() == null ? SampleField.SPEED_KPH.bit() : 0);
    }

    private static boolean in(Integer v, int min, int max) {
        return v != null && v >= min && v <= max;
    }

    /** Contract section 3, literally. */
    private static Expected reference(List<Sample> rows, Integer ftp) {
        List<Sample> kept = rows.stream().filter(s -> s.offset() >= 0 && s.offset() <= 86_399).toList();
        Expected e = new Expected();
        e.kept = kept.size();
        e.dropped = rows.size() - kept.size();
        int duration = kept.isEmpty() ? 0 : kept.get(kept.size() - 1).offset() + 1;
        e.duration = duration;
        int[] p = new int[duration];
        double speedSum = 0;
        List<Integer> cadence = new ArrayList<>();
        List<Integer> resistance = new ArrayList<>();
        List<Integer> heart = new ArrayList<>();
        for (Sample s : kept) {
            if (in(s.output(), 0, 3000)) {
                p[s.offset()] = s.output();
                e.validPower++;
            }
            if (in(s.cadence(), 0, 250) && s.cadence() > 0) {
                cadence.add(s.cadence());
            }
            if (in(s.resistance(), 0, 100)) {
                resistance.add(s.resistance());
            }
            if (in(s.heartRate(), 30, 240)) {
                heart.add(s.heartRate());
            }
            if (s.speed() != null && !Float.isNaN(s.speed()) && s.speed() >= 0 && s.speed() <= 120) {
                speedSum += s.speed();
            }
            count(e, SampleField.OUTPUT_W, s.output(), 0, 3000);
            count(e, SampleField.CADENCE_RPM, s.cadence(), 0, 250);
            count(e, SampleField.RESISTANCE_PCT, s.resistance(), 0, 100);
            count(e, SampleField.HEART_RATE_BPM, s.heartRate(), 30, 240);
            if (s.speed() == null) {
                e.nulls[SampleField.SPEED_KPH.ordinal()]++;
            } else if (!(s.speed() >= 0 && s.speed() <= 120)) {
                e.outOfRange[SampleField.SPEED_KPH.ordinal()]++;
            }
        }
        long total = 0;
        int max = 0;
        for (int w : p) {
            total += w;
            max = Math.max(max, w);
        }
        e.totalKj = total / 1000.0;
        e.avgW = duration == 0 ? 0 : (double) total / duration;
        e.maxW = max;
        if (duration >= 30) {
            double sum4 = 0;
            for (int t = 29; t < duration; t++) {
                long s = 0;
                for (int i = t - 29; i <= t; i++) {
                    s += p[i];
                }
                sum4 += Math.pow(s / 30.0, 4);
            }
            e.np = Math.pow(sum4 / (duration - 29), 0.25);
        }
        e.best60 = best(p, 60);
        e.best300 = best(p, 300);
        e.best1200 = best(p, 1200);
        e.cadence = mean(cadence);
        e.resistance = mean(resistance);
        e.heart = mean(heart);
        e.maxHeart = heart.stream().max(Integer::compare).orElse(null);
        e.distance = speedSum / 3600;
        e.calories = e.totalKj / (4.184 * 0.24);
        if (ftp != null && ftp > 0 && e.np != null) {
            e.intensity = e.np / ftp;
            e.tss = duration * e.np * e.intensity / (ftp * 3600.0) * 100;
        }
        return e;
    }

    private static void count(Expected e, SampleField f, Integer v, int min, int max) {
        if (v == null) {
            e.nulls[f.ordinal()]++;
        } else if (v < min || v > max) {
            e.outOfRange[f.ordinal()]++;
        }
    }

    private static Double best(int[] p, int n) {
        if (p.length < n) {
            return null;
        }
        long best = -1;
        for (int start = 0; start + n <= p.length; start++) {
            long s = 0;
            for (int i = start; i < start + n; i++) {
                s += p[i];
            }
            best = Math.max(best, s);
        }
        return best / (double) n;
    }

    private static Double mean(List<Integer> values) {
        return values.isEmpty() ? null : values.stream().mapToLong(Integer::longValue).sum() / (double) values.size();
    }

    static final class Expected {
        long kept, dropped, validPower;
        int duration, maxW;
        double totalKj, avgW, distance, calories;
        Double np, best60, best300, best1200, cadence, resistance, heart, intensity, tss;
        Integer maxHeart;
        final long[] nulls = new long[SampleField.values().length];
        final long[] outOfRange = new long[SampleField.values().length];
    }

    private static void compare(String ride, Expected e, RideMetrics m) {
        assertEquals(e.kept, m.keptSamples(), ride + " kept");
        assertEquals(e.dropped, m.droppedSamples(), ride + " dropped");
        assertEquals(e.validPower, m.validPowerSamples(), ride + " valid power");
        assertEquals(e.duration, m.durationS(), ride + " duration");
        assertEquals(e.maxW, m.maxOutputW(), ride + " max output");
        assertEquals(e.maxHeart, m.maxHeartRateBpm(), ride + " max heart rate");
        near(ride + " total kJ", e.totalKj, m.totalOutputKj());
        near(ride + " avg W", e.avgW, m.avgOutputW());
        near(ride + " distance", e.distance, m.distanceKm());
        near(ride + " calories", e.calories, m.caloriesKcal());
        near(ride + " NP", e.np, m.normalizedPowerW());
        near(ride + " best 60", e.best60, m.best60sW());
        near(ride + " best 300", e.best300, m.best300sW());
        near(ride + " best 1200", e.best1200, m.best1200sW());
        near(ride + " cadence", e.cadence, m.avgCadenceRpm());
        near(ride + " resistance", e.resistance, m.avgResistancePct());
        near(ride + " heart rate", e.heart, m.avgHeartRateBpm());
        near(ride + " IF", e.intensity, m.intensityFactor());
        near(ride + " TSS", e.tss, m.tss());
        for (SampleField f : SampleField.values()) {
            assertEquals(e.nulls[f.ordinal()], m.violations().get(f, FieldViolation.NULL), ride + " null " + f);
            assertEquals(e.outOfRange[f.ordinal()], m.violations().get(f, FieldViolation.OUT_OF_RANGE),
                    ride + " out of range " + f);
        }
    }

    private static void near(String what, Double expected, Double actual) {
        if (expected == null || actual == null) {
            if (expected != actual) {
                fail(what + ": expected " + expected + " but was " + actual);
            }
            return;
        }
        double tolerance = REL * Math.max(Math.abs(expected), Math.abs(actual));
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " but was " + actual);
    }
}
