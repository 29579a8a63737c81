package com.rides.generate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The data looks like a real connected-fitness service, within stated bounds, on
 * 300 riders x 60 classes x 14 days of clean data.
 */
class SyntheticRidesRealismTest {

    private static final GeneratorSpec SPEC =
            new GeneratorSpec(300, 60, 14, LocalDate.of(2026, 11, 20), 20261120L, 16, 0.0);
    private static final int HR_LAG_S = 30;

    private static SyntheticRides data;
    private static List<PlannedRide> rides;
    private static List<PlannedRating> ratings;
    /** workout_id -> duration_s as the contract measures it (max offset + 1). */
    private static Map<UUID, Integer> measuredDuration;
    private static double sumOutputOverFtp;
    private static long outputOverFtpSamples;
    private static Correlation resistanceVsOutput;
    private static Correlation cadenceVsOutput;
    private static Correlation cadenceTimesResistanceVsOutput;
    private static Correlation speedVsCubeRootOfOutput;
    private static double sumHrCorrLagged;
    private static double sumHrCorrUnlagged;
    private static int hrRides;

    @BeforeAll
    static void generate() {
        data = new SyntheticRides(SPEC);
        rides = new ArrayList<>();
        ratings = new ArrayList<>();
        measuredDuration = new HashMap<>();
        resistanceVsOutput = new Correlation();
        cadenceVsOutput = new Correlation();
        cadenceTimesResistanceVsOutput = new Correlation();
        speedVsCubeRootOfOutput = new Correlation();
        RideSamples buffer = new RideSamples();
        for (RiderHistory history : data.histories()) {
            rides.addAll(history.rides());
            ratings.addAll(history.ratings());
            for (PlannedRide ride : history.rides()) {
                measure(ride, data.samples(ride, buffer));
            }
        }
    }

    private static void measure(PlannedRide ride, RideSamples s) {
        int n = s.size();
        measuredDuration.put(ride.workout().workoutId(), s.offsetS(n - 1) + 1);
        double[] output = new double[n];
        double[] heartRate = new double[n];
        Integer ftp = ride.rider().row().ftpW();
        for (int i = 0; i < n; i++) {
            output[i] = s.outputW(i);
            heartRate[i] = s.heartRateBpm(i);
            if (ftp != null) {
                sumOutputOverFtp += output[i] / ftp;
                outputOverFtpSamples++;
            }
            resistanceVsOutput.add(s.resistancePct(i), output[i]);
            cadenceVsOutput.add(s.cadenceRpm(i), output[i]);
            cadenceTimesResistanceVsOutput.add((double) s.cadenceRpm(i) * s.resistancePct(i), output[i]);
            speedVsCubeRootOfOutput.add(Math.cbrt(output[i]), s.speedKph(i));
        }
        if (n >= 600) {
            sumHrCorrLagged += lagged(output, heartRate, HR_LAG_S);
            sumHrCorrUnlagged += lagged(output, heartRate, 0);
            hrRides++;
        }
    }

    private static double lagged(double[] output, double[] heartRate, int lag) {
        Correlation c = new Correlation();
        for (int t = 0; t + lag < output.length; t++) {
            c.add(output[t], heartRate[t + lag]);
        }
        return c.value();
    }

    @Test
    void ftpIsSpreadLikeARealPopulation() {
        List<Integer> ftps = data.riders().stream().map(Rider::ftpW).filter(Objects::nonNull).toList();
        double mean = ftps.stream().mapToInt(Integer::intValue).average().orElseThrow();
        double sd = Math.sqrt(ftps.stream().mapToDouble(f -> (f - mean) * (f - mean)).average().orElseThrow());
        double withoutFtp = 1 - ftps.size() / (double) SPEC.users();
        assertTrue(mean >= 170 && mean <= 260, "mean FTP " + mean);
        assertTrue(sd >= 30 && sd <= 90, "FTP standard deviation " + sd);
        assertTrue(ftps.stream().allMatch(f -> f >= 80 && f <= 450), "FTP within 80..450");
        assertTrue(withoutFtp > 0.005 && withoutFtp < 0.10, "share without FTP " + withoutFtp);
    }

    @Test
    void heartRatesAndSignUpDatesArePlausible() {
        Instant periodStart = SPEC.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant();
        long withoutMaxHr = data.riders().stream().filter(r -> r.maxHeartRateBpm() == null).count();
        assertTrue(withoutMaxHr > 0 && withoutMaxHr < 0.15 * SPEC.users(), "riders without max HR " + withoutMaxHr);
        for (Rider r : data.riders()) {
            if (r.maxHeartRateBpm() != null) {
                assertTrue(r.maxHeartRateBpm() >= 150 && r.maxHeartRateBpm() <= 210, r.toString());
            }
            assertTrue(r.createdAt().isBefore(periodStart), "joined before the period: " + r);
            assertTrue(r.username().matches("[A-Za-z0-9_]{4,30}"), "handle " + r.username());
        }
        assertEquals(SPEC.users(), data.riders().stream().map(Rider::userId).distinct().count());
    }

    @Test
    void classesLookLikeACatalogue() {
        Set<String> disciplines = Arrays.stream(Discipline.values()).map(Discipline::cqlName).collect(Collectors.toSet());
        Set<Integer> lengths = Set.of(5, 10, 15, 20, 30, 45, 60, 75, 90);
        Instant periodEnd = SPEC.endDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (RideClass c : data.classes()) {
            assertTrue(lengths.contains(c.durationS() / 60) && c.durationS() % 60 == 0, c.toString());
            assertTrue(c.title().startsWith(c.durationS() / 60 + " min ") && c.title().endsWith(" Ride"), c.title());
            assertTrue(disciplines.contains(c.discipline()), c.discipline());
            assertTrue(c.airedAt().isBefore(periodEnd), "aired by the end of the period: " + c);
        }
        long instructors = data.classes().stream().map(RideClass::instructor).distinct().count();
        assertTrue(instructors >= 8 && instructors <= 15, "instructors " + instructors);
        assertTrue(data.classes().stream().map(RideClass::discipline).distinct().count() >= 6, "disciplines in use");
    }

    @Test
    void workoutsFollowTheWeekAndTheirKeys() {
        Map<LocalDate, Integer> perDay = new TreeMap<>();
        Map<UUID, RideClass> classes = data.classes().stream()
                .collect(Collectors.toMap(RideClass::classId, c -> c));
        Set<UUID> ids = new HashSet<>();
        for (PlannedRide ride : rides) {
            Workout w = ride.workout();
            perDay.merge(w.day(), 1, Integer::sum);
            assertEquals(w.day(), LocalDate.ofInstant(w.startedAt(), ZoneOffset.UTC), "day is the UTC date of started_at");
            assertEquals(Buckets.ofWorkout(w.workoutId(), SPEC.buckets()), w.bucket());
            assertTrue(w.bucket() >= 0 && w.bucket() < SPEC.buckets());
            assertFalse(classes.get(w.classId()).airedAt().isAfter(w.startedAt()), "class aired before the ride");
            assertTrue(Set.of("bike", "bike+", "app").contains(w.device()), w.device());
            assertTrue(ids.add(w.workoutId()), "unique workout id");
        }
        assertEquals(SPEC.days(), perDay.size(), "rides on every day");
        for (var e : perDay.entrySet()) {
            assertTrue(e.getValue() >= 0.15 * SPEC.users() && e.getValue() <= 0.7 * SPEC.users(),
                    "workouts on " + e.getKey() + ": " + e.getValue());
        }
        double weekend = meanPerDay(perDay, Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));
        double weekday = meanPerDay(perDay, Set.of(DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY));
        assertTrue(weekend / weekday > 1.0, "weekend/weekday " + weekend + "/" + weekday);
        // Two rides of one rider on one day never overlap.
        Map<String, List<PlannedRide>> byRiderDay = rides.stream()
                .collect(Collectors.groupingBy(r -> r.rider().index() + "/" + r.workout().day()));
        for (List<PlannedRide> sameDay : byRiderDay.values()) {
            assertTrue(sameDay.size() <= 2);
            if (sameDay.size() == 2) {
                PlannedRide first = sameDay.get(0);
                Instant end = first.workout().startedAt().plusSeconds(first.riddenSeconds());
                assertTrue(sameDay.get(1).workout().startedAt().isAfter(end), "second ride after the first");
            }
        }
    }

    private static double meanPerDay(Map<LocalDate, Integer> perDay, Set<DayOfWeek> days) {
        return perDay.entrySet().stream().filter(e -> days.contains(e.getKey().getDayOfWeek()))
                .mapToInt(Map.Entry::getValue).average().orElseThrow();
    }

    @Test
    void aFewClassesTakeMostRides() {
        Map<UUID, Long> ridesPerClass = rides.stream()
                .collect(Collectors.groupingBy(r -> r.workout().classId(), Collectors.counting()));
        List<Long> counts = new ArrayList<>(ridesPerClass.values());
        counts.sort(Comparator.reverseOrder());
        int top = Math.max(1, SPEC.classes() / 10);
        long topRides = counts.stream().limit(top).mapToLong(Long::longValue).sum();
        assertTrue(topRides > 0.30 * rides.size(), "top 10% of classes take " + topRides + " of " + rides.size());
    }

    @Test
    void ridesLastTheirClassExceptForEarlyStoppers() {
        long early = 0;
        for (PlannedRide ride : rides) {
            int classLength = ride.rideClass().durationS();
            int measured = measuredDuration.get(ride.workout().workoutId());
            assertEquals(ride.riddenSeconds(), measured);
            if (ride.stoppedEarly()) {
                early++;
                assertTrue(measured < classLength && measured >= 0.3 * classLength - 1, "early stop " + measured);
            } else {
                assertEquals(classLength, measured);
            }
        }
        double share = early / (double) rides.size();
        assertTrue(share > 0.02 && share < 0.09, "early stoppers " + share);
    }

    @Test
    void outputIsAPlausibleShareOfFtp() {
        double mean = sumOutputOverFtp / outputOverFtpSamples;
        assertTrue(mean >= 0.5 && mean <= 1.0, "mean output / FTP " + mean);
    }

    @Test
    void heartRateFollowsOutputWithALag() {
        double lagged = sumHrCorrLagged / hrRides;
        double unlagged = sumHrCorrUnlagged / hrRides;
        assertTrue(lagged > 0.4, "mean corr(output[t], hr[t+" + HR_LAG_S + "]) " + lagged);
        assertTrue(lagged > unlagged, "heart rate lags output: " + lagged + " vs " + unlagged);
    }

    @Test
    void cadenceAndResistanceMakeTheOutput() {
        assertTrue(cadenceTimesResistanceVsOutput.value() > 0.9,
                "corr(cadence*resistance, output) " + cadenceTimesResistanceVsOutput.value());
        assertTrue(resistanceVsOutput.value() > 0.5, "corr(resistance, output) " + resistanceVsOutput.value());
        assertTrue(cadenceVsOutput.value() > 0.0, "corr(cadence, output) " + cadenceVsOutput.value());
    }

    @Test
    void speedGrowsWithOutput() {
        assertTrue(speedVsCubeRootOfOutput.value() > 0.8, "corr(output^(1/3), speed) " + speedVsCubeRootOfOutput.value());
    }

    @Test
    void ratingsAreSkewedHighAndSometimesRevised() {
        double mean = ratings.stream().mapToInt(r -> r.row().rating()).average().orElseThrow();
        assertTrue(mean >= 3.5 && mean <= 4.6, "mean rating " + mean);
        double ratedShare = ratings.stream().filter(r -> !r.reRate()).count() / (double) rides.size();
        assertTrue(ratedShare > 0.3 && ratedShare < 0.5, "share of workouts rated " + ratedShare);
        double withDifficulty = ratings.stream().filter(r -> r.row().difficulty() != null).count()
                / (double) ratings.size();
        assertTrue(withDifficulty > 0.6 && withDifficulty < 0.8, "share with difficulty " + withDifficulty);

        Map<UUID, Workout> workouts = rides.stream().map(PlannedRide::workout)
                .collect(Collectors.toMap(Workout::workoutId, w -> w));
        Set<String> keys = new HashSet<>();
        for (PlannedRating planned : ratings) {
            Rating r = planned.row();
            assertTrue(r.rating() >= 1 && r.rating() <= 5);
            assertTrue(r.difficulty() == null || (r.difficulty() >= 1 && r.difficulty() <= 10));
            assertEquals(r.day(), LocalDate.ofInstant(r.ratedAt(), ZoneOffset.UTC), "day is the UTC date of rated_at");
            assertFalse(r.day().isAfter(SPEC.endDate()), "rated within the period");
            assertEquals(Buckets.ofRating(r.userId(), r.classId(), SPEC.buckets()), r.bucket());
            Workout w = workouts.get(r.workoutId());
            assertTrue(r.ratedAt().isAfter(w.startedAt()), "rated after the ride started");
            assertEquals(w.userId(), r.userId());
            assertEquals(w.classId(), r.classId());
            if (!planned.reRate()) {
                assertTrue(r.day().toEpochDay() - w.day().toEpochDay() <= 1, "rated the same or the next day");
            }
            assertTrue(keys.add(r.day() + "/" + r.bucket() + "/" + r.userId() + "/" + r.classId()), "unique key");
        }

        List<PlannedRating> reRates = ratings.stream().filter(PlannedRating::reRate).toList();
        assertFalse(reRates.isEmpty(), "some riders rate a class again");
        assertTrue(reRates.size() < 0.1 * ratings.size(), "re-rates " + reRates.size() + " of " + ratings.size());
        for (PlannedRating again : reRates) {
            PlannedRating earlier = ratings.stream()
                    .filter(r -> !r.reRate() && r.row().workoutId().equals(again.row().workoutId()))
                    .findFirst().orElseThrow();
            assertTrue(again.row().day().isAfter(earlier.row().day()), "re-rated on a later day");
            assertTrue(again.row().rating() != earlier.row().rating(), "re-rated with another value");
        }
    }
}
